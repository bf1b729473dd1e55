"""The guidance section's Atom feed: new and updated guidelines for the reader's search and
filters (``/en/guidance/feed/?theme=wellbeing``), newest publication first."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from hub.feeds import FEED_SIZE, ListingFeed
from knowledge.listing import decorate_guidelines


def newest_guidelines(query):
    """The ``FEED_SIZE`` guidelines ``query`` matches last published most recently."""
    pages = list(
        query.matching().order_by("-last_published_at", "-pk").defer_streamfields()[:FEED_SIZE]
    )
    return decorate_guidelines(pages, query.index_page.locale_id)


class GuidanceFeed(ListingFeed):
    def title(self, page):
        if self.search:
            return _("New and updated guidance matching “%(query)s”") % {"query": self.search}
        return _("New and updated guidance")

    def subtitle(self, page):
        return _("The most recently published guidelines for this search and these filters.")

    def item_description(self, item):
        return item.summary
