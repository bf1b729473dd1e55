"""What every searchable listing page does with its query: the registry, the guidance home and
the resource library run a ``…Query`` the same way."""

from hub.cache import keep_out_of_page_cache
from hub.i18n import page_locale
from search.scope import wants_all
from search.service import clean_query
from search.stats import count_listing_search

MAX_VALUES = 20  # of one filter in a query string: more are ignored
MAX_VALUE_LENGTH = 100  # characters of one value: the rest is cut off


def request_values(get, name):
    """The non-empty values of filter ``name`` in the query string ``get``, bounded in number and
    length so that a hostile URL costs no more than a normal one."""
    return [value[:MAX_VALUE_LENGTH] for value in get.getlist(name)[:MAX_VALUES] if value]


class ListingQuery:
    """What every listing's query holds: its index page, the reader's words (cleaned), the sort
    asked for, the page number and whether to search all languages. A subclass adds its filters
    in ``__init__`` (as keyword arguments) and reads them from the query string in
    ``filters_from``; unknown or bad values are left for ``run`` to ignore."""

    def __init__(self, index_page, query="", sort="", page=1, all_languages=False):
        self.index_page = index_page
        self.query = clean_query(query)
        self.sort = sort
        self.page_number = page
        self.all_languages = all_languages

    @classmethod
    def from_request(cls, index_page, request):
        get = request.GET
        return cls(
            index_page,
            query=get.get("q", ""),
            sort=get.get("sort", "")[:MAX_VALUE_LENGTH],
            page=get.get("page", 1),
            all_languages=wants_all(get),
            **cls.filters_from(get),
        )

    @classmethod
    def filters_from(cls, get):
        """This listing's own arguments, read from the query string."""
        return {}


class ListingPageMixin:
    """For a page whose content is a search listing, run on each request."""

    def run_listing(self, request, query):
        """Run ``query`` (built from the request); keep a degraded answer (the search engine
        unavailable) out of the page cache, and count a new search in this page's language."""
        listing = query.run()
        if listing.degraded:
            keep_out_of_page_cache(request)
        count_listing_search(request, listing, page_locale(self).language_code)
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
