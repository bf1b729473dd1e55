"""The guidance section's index page (``/en/guidance/``): browse and search the guidelines,
and the resource library."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub.feeds import listing_query
from hub.i18n import localize_pages, page_translatable_fields
from hub.routing import page_url
from knowledge.feeds import GuidanceFeed, newest_guidelines
from knowledge.listing import GuidanceQuery, landing_sections
from knowledge.models.guideline import MAX_PICKS, GuidelinePage
from knowledge.resource_listing import ResourceQuery
from search.listings import ListingPageMixin


class KnowledgeIndexPage(ListingPageMixin, RoutablePageMixin, Page):
    """The guidance section (``/en/guidance/``): browse, search and the resource library."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Shown at the top: what readers will find here."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "featured_links",
            heading=_("Featured guidance"),
            label=_("Featured guideline"),
            max_num=MAX_PICKS,
            help_text=_("Up to six guidelines to show first on the guidance home."),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    translatable_fields = page_translatable_fields(
        TranslatableField("intro"),
        SynchronizedField("featured_links"),
    )

    parent_page_types = ["hub.HomePage"]
    subpage_types = ["knowledge.GuidelinePage"]
    template = "knowledge/knowledge_index_page.html"

    class Meta:
        verbose_name = _("guidance index")
        verbose_name_plural = _("guidance indexes")

    def get_guidelines(self):
        """Live, public guidelines in this section (and so in this page's language)."""
        return GuidelinePage.objects.live().public().descendant_of(self)

    def get_featured(self):
        links = self.featured_links.select_related("guideline")
        return localize_pages(
            [link.guideline for link in links][:MAX_PICKS], self.locale_id, GuidelinePage
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.run_listing(request, GuidanceQuery.from_request(self, request))
        context["listing"] = listing
        context["feed_url"] = (
            page_url(self, request) + self.reverse_subpage("feed") + listing_query(request)
        )
        if listing.is_browsing:
            context.update(landing_sections(self, listing))
        return context

    @path("")
    def guidance_home(self, request):
        return self.render(request)

    @path("resources/", name="resources")
    def resource_library(self, request):
        library = self.run_listing(request, ResourceQuery.from_request(self, request))
        return self.render(
            request,
            template="knowledge/resource_library.html",
            context_overrides={"library": library},
        )

    @path("feed/", name="feed")
    def guidance_feed(self, request):
        query = GuidanceQuery.from_request(self, request)
        return GuidanceFeed(self, newest_guidelines(query), request, search=query.query)(request)

    def resources_url(self, request=None):
        return page_url(self, request) + self.reverse_subpage("resources")


class KnowledgeFeaturedLink(Orderable):
    page = ParentalKey(KnowledgeIndexPage, on_delete=models.CASCADE, related_name="featured_links")
    guideline = models.ForeignKey(
        "knowledge.GuidelinePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("guideline"),
    )

    panels = [FieldPanel("guideline")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured guideline")
        verbose_name_plural = _("featured guidelines")
