"""What every searchable listing page does with its query: the registry, the guidance home and
the resource library run a ``…Query`` the same way."""

from hub.cache import keep_out_of_page_cache
from search.stats import count_listing_search


class ListingPageMixin:
    """For a page whose content is a search listing, run on each request."""

    def run_listing(self, request, query):
        """Run ``query`` (built from the request); keep a degraded answer (the search engine
        unavailable) out of the page cache, and count a new search in this page's language."""
        listing = query.run()
        if listing.degraded:
            keep_out_of_page_cache(request)
        count_listing_search(request, listing, self.locale.language_code)
        return listing


class PagedResults:
    """What a listing's result (a dataclass with ``query``, ``active`` filters, ``page`` and
    ``paginator``) offers its template: the page's items and the page links."""

    @property
    def items(self):
        return self.page.object_list

    @property
    def page_range(self):
        return self.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1)

    @property
    def has_filters(self):
        return bool(self.active) or bool(self.query)

    def facet(self, name):
        return next((facet for facet in self.facets if facet.name == name), None)
