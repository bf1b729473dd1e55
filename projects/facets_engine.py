"""The registry's listing and facet counts on a search engine (``SEARCH_URL``).

One request asks the engine for a page of hits and every facet's counts
(:mod:`search.aggregations`), each facet counted under the other facets' selections, with
possibly stale projects after the others (:func:`engine_sort`).
"""

from modelsearch.index import FilterField

from projects.facets import FACETS
from projects.models import ProjectPage
from projects.upkeep import NEVER_STALE_STATUSES, stale_cutoff
from search.aggregations import EngineFacet


def engine_facets(backend):
    """The registry's facets as the engine indexes them (keyword filter fields)."""
    column = _engine_columns(backend)
    open_now = {
        "bool": {
            "filter": [
                {"term": {column("open_to_officers"): True}},
                {"terms": {column("status"): list(ProjectPage.JOINABLE_STATUSES)}},
            ]
        }
    }
    by_name = {
        "theme": EngineFacet("theme", column("theme_slugs")),
        "status": EngineFacet("status", column("status")),
        "stage": EngineFacet("stage", column("stage")),
        "unit": EngineFacet("unit", column("unit_slug")),
        "campus": EngineFacet("campus", column("campus_slugs")),
        "open": EngineFacet("open", conditions={"yes": open_now}),
        "lead": EngineFacet(
            "lead", conditions={"needed": {"term": {column("needs_new_lead"): True}}}
        ),
    }
    return [by_name[name] for name, _label in FACETS]


def _engine_columns(backend):
    mapping = backend.mapping_class(ProjectPage)
    fields = {
        field.field_name: field
        for field in ProjectPage.get_search_fields()
        if isinstance(field, FilterField)
    }
    return lambda name: mapping.get_field_column_name(fields[name])


def engine_sort(backend, sort, now=None):
    """How :func:`search.aggregations.faceted_search` orders hits for ``sort``: by relevance,
    or fresh projects first (scored 1 by the filter ``first``) and then by the sort's field."""
    if sort == "relevance":
        return None
    column = _engine_columns(backend)
    # To the minute, so that the same listing asks the same question for a minute and the
    # engine's request cache can answer it (search.aggregations.faceted_search).
    cutoff = stale_cutoff(now).replace(second=0, microsecond=0).isoformat()
    confirmed, published = column("last_confirmed_at"), column("first_published_at")
    unconfirmed = {"exists": {"field": confirmed}}
    fresh = {
        "bool": {
            "should": [
                {"terms": {column("status"): sorted(NEVER_STALE_STATUSES)}},
                {"range": {confirmed: {"gte": cutoff}}},
                {
                    "bool": {
                        "must_not": [unconfirmed],
                        "filter": [{"range": {published: {"gte": cutoff}}}],
                    }
                },
                {"bool": {"must_not": [unconfirmed, {"exists": {"field": published}}]}},
            ],
            "minimum_should_match": 1,
        }
    }
    field, order = {
        "newest": ("first_published_at", "desc"),
        "updated": ("last_published_at", "desc"),
        "title": ("title", "asc"),
    }[sort]
    return {
        "first": fresh,
        "sort": [
            {"_score": {"order": "desc"}},
            {column(field): {"order": order, "missing": "_last"}},
            {"pk": {"order": "desc"}},
        ],
    }


class EngineWindow:
    """The engine's hits for Paginator: one request answers the count, the page and the
    facet counts; another is made only if Paginator asks for a different page (a page number
    past the end), or an export for a longer slice (one request per slice)."""

    def __init__(self, fetch, offset, limit):
        self.fetch = fetch
        self.offset = offset
        self.limit = limit  # the engine's result window
        self.found = None

    def _at(self, offset):
        if self.found is None or self.found.offset != offset:
            self.found = self.fetch(offset)
        return self.found

    def count(self):
        return min(self._at(self.offset).total, self.limit)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("EngineWindow supports slices only")
        start = key.start or 0
        want = min(key.stop or start, self.limit) - start
        if want <= 0:
            return []
        found = self.found
        held = found is not None and found.offset == start
        if not held or len(found.pks) < min(want, found.total - start):
            self.found = found = self.fetch(start, want)
        return found.pks[:want]
