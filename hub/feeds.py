"""Atom feeds of a listing's newest pages (``django.contrib.syndication`` with ``Atom1Feed``).

A feed answers for one listing page and the reader's current search and filters, in the
listing's language: :class:`ListingFeed` takes the listing page and the pages to list, and
gives every link an absolute address on ``BASE_URL`` (``WAGTAILADMIN_BASE_URL``), so a feed
reader sees the same addresses whichever host or proxy answered. Each entry's id is a
``tag:`` URI made of the host and the page's primary key: it survives a new title or slug.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_SIZE = 50


def base_url(request) -> str:
    """The site's public origin, ``https://hub.example.org``, from ``BASE_URL`` if set."""
    configured = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    return configured or request.build_absolute_uri("/").rstrip("/")


def listing_query(request, drop=("page",)) -> str:
    """The request's query string without ``drop`` (the page number): ``"?q=…"`` or ``""``."""
    get = request.GET.copy()
    for name in drop:
        get.pop(name, None)
    encoded = get.urlencode()
    return f"?{encoded}" if encoded else ""


class ListingFeed(Feed):
    """The newest ``FEED_SIZE`` pages of one listing; subclasses name and describe them."""

    feed_type = Atom1Feed
    tag_year = 2026

    def __init__(self, listing_page, pages, request, search=""):
        super().__init__()
        self.search = search  # the cleaned text search, for the title
        self.listing_page = listing_page
        self.pages = pages
        self.origin = base_url(request)
        self.site = listing_page.get_site()
        self.request = request
        self.language = listing_page.locale.language_code  # the feed's xml:lang

    def get_object(self, request, *args, **kwargs):
        return self.listing_page

    def absolute(self, url):
        if not url or "://" in url:
            return url or ""
        return self.origin + url

    def link(self, page):
        return self.absolute(page.get_url(self.request, current_site=self.site)) + (
            listing_query(self.request)
        )

    def feed_url(self, page):
        return self.absolute(self.request.path) + listing_query(self.request)

    def feed_guid(self, page):
        return self.feed_url(page)

    def items(self, page):
        return self.pages

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return self.absolute(item.get_url(self.request, current_site=self.site))

    def item_guid(self, item):
        host = urlsplit(self.origin).hostname or "localhost"
        return f"tag:{host},{self.tag_year}:{item._meta.app_label}/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return getattr(item, "theme_labels", ())
