"""The registry's Atom feed: new and updated projects for the reader's search and filters.

``/en/projects/feed/?theme=wellbeing&q=survey``: the ``FEED_SIZE`` most recently published
projects among those the listing finds (same query, filters and language scope), newest
first, in the registry's language. Only public fields: title, summary, link, themes, dates.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from hub.feeds import FEED_SIZE, ListingFeed
from hub.i18n import default_locale
from projects.facets import facet_labels
from projects.listing import PAGE_URL_FIELDS


def newest_projects(query):
    """The ``FEED_SIZE`` projects ``query`` matches last published most recently, with
    their localised theme labels (two queries after the search)."""
    from projects.models import ProjectPage

    projects = list(
        query.matching()
        .order_by("-last_published_at", "-pk")
        .only(
            *PAGE_URL_FIELDS,
            "title",
            "slug",
            "summary",
            "first_published_at",
            "last_published_at",
        )[:FEED_SIZE]
    )
    labels = {
        fv.value: fv.label
        for fv in facet_labels(query.locale.pk, default_locale().pk).get("theme", [])
    }
    themes = {}
    links = ProjectPage.themes.through.objects.filter(
        projectpage_id__in=[project.pk for project in projects]
    ).values_list("projectpage_id", "theme__slug", "theme__name")
    for project_id, slug, name in links.order_by("theme__name"):
        themes.setdefault(project_id, []).append(labels.get(slug, name))
    for project in projects:
        project.theme_labels = themes.get(project.pk, [])
    return projects


class RegistryFeed(ListingFeed):
    def title(self, page):
        if self.search:
            return _("New and updated projects matching “%(query)s”") % {"query": self.search}
        return _("New and updated projects")

    def subtitle(self, page):
        return _(
            "The most recently published projects in the registry for this search and "
            "these filters."
        )

    def item_description(self, item):
        return item.summary
