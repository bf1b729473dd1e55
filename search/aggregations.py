"""Faceted search on an Elasticsearch-family engine: hits and facet counts in one request.

Multi-select faceting: the hits are filtered by every selected facet (``post_filter``, which
leaves aggregations alone), and each facet is counted by a ``filter`` aggregation holding the
*other* facets' selections around a ``terms`` aggregation (or, for a facet whose values are
conditions rather than field values, a ``filters`` aggregation); the facets with no selection
share one such filter (every selection). Choosing one more value of a facet therefore widens
the results by exactly the count shown next to it.

The query itself (text, content type, the queryset's filters) comes from the backend's own
query compiler; the only thing this module needs to know about the client is how it takes a
request body (:func:`send`, pinned by a test).
"""

import hashlib
import json
from dataclasses import dataclass, field

from modelsearch.query import MATCH_ALL, Fuzzy, PlainText

# Enough buckets for any taxonomy a site has (themes, units, campuses).
TERMS_SIZE = 500
# The aggregation that counts every facet with no selection (no facet has this name: facet
# names are the registry's GET parameters).
UNSELECTED = "_unselected"


@dataclass(frozen=True)
class EngineFacet:
    """One facet: counted over a keyword ``column``, or over named ``conditions``."""

    name: str
    column: str = ""
    conditions: dict = field(default_factory=dict)  # {value: engine query clause}

    def clause(self, values):
        """The filter that keeps documents carrying any of ``values``."""
        if self.column:
            return {"terms": {self.column: list(values)}}
        chosen = [self.conditions[value] for value in values if value in self.conditions]
        return {"bool": {"should": chosen, "minimum_should_match": 1}}

    def aggregation(self):
        if self.column:
            return {"terms": {"field": self.column, "size": TERMS_SIZE}}
        return {"filters": {"filters": self.conditions}}


@dataclass
class FacetedHits:
    pks: list
    total: int
    counts: dict  # {facet: {value: count}}
    offset: int = 0
    fuzzy: bool = False


def compiled_query(backend, queryset, words, *, fuzzy=False, operator="and", language=None):
    """The backend's query for ``words`` (or everything) over ``queryset``, with its filters.

    On this project's engine backend (``EngineBackendMixin.text_query`` in
    :mod:`search.backends`) ``words`` is the query as typed, with its syntax (phrases, ``OR``,
    exclusions), analysed in ``language`` (default: the reader's; ``ALL``: every language); on
    any other backend, plain words."""
    if words and hasattr(backend, "text_query"):
        _compiler, query = backend.text_query(
            queryset, words, operator=operator, fuzzy=fuzzy, language=language
        )
        return query
    if words:
        query = Fuzzy(words, operator=operator) if fuzzy else PlainText(words, operator=operator)
    else:
        query = MATCH_ALL
    compiler = backend.query_compiler_class(queryset, query)
    compiler.check()
    return compiler.get_query()


def facet_aggregations(facets, clauses):
    """``aggs`` counting each facet under the selections of all the others.

    A facet with a selection gets its own ``filter`` aggregation (the other facets'
    selections). The facets without one are all counted under the same filter (every
    selection), so they share one ``filter`` aggregation (:data:`UNSELECTED`): the engine then
    tests the selections once per document instead of once per facet, which at 100,000
    projects is about a quarter of the aggregations' time (``make bench-search``).
    """
    aggs, unselected = {}, {}
    for facet in facets:
        if facet.name not in clauses:
            unselected[facet.name] = facet.aggregation()
            continue
        others = [clause for name, clause in clauses.items() if name != facet.name]
        aggs[facet.name] = {
            "filter": {"bool": {"filter": others}},
            "aggs": {"values": facet.aggregation()},
        }
    if unselected:
        aggs[UNSELECTED] = {
            "filter": {"bool": {"filter": list(clauses.values())}},
            "aggs": unselected,
        }
    return aggs


def search_body(query, facets, selected, sort=None):
    """The request body: hits under every selection, each facet counted under the others."""
    clauses = {
        facet.name: facet.clause(selected[facet.name])
        for facet in facets
        if selected.get(facet.name)
    }
    body = {
        "query": query,
        "aggs": facet_aggregations(facets, clauses),
        "track_total_hits": True,
        "_source": False,
        "stored_fields": "_none_",
        "docvalue_fields": ["pk"],
    }
    if clauses:
        body["post_filter"] = {"bool": {"filter": list(clauses.values())}}
    if sort:
        body["sort"] = sort
    return body


def read_counts(response, facets):
    """``{facet: {value: count}}`` from a response to :func:`search_body`."""
    aggregations = response.get("aggregations") or {}
    counts = {}
    for facet in facets:
        if facet.name in aggregations:  # a facet with a selection: its own aggregation
            counted = aggregations[facet.name].get("values", {})
        else:
            counted = aggregations.get(UNSELECTED, {}).get(facet.name, {})
        buckets = counted.get("buckets", {})
        if isinstance(buckets, dict):  # a filters aggregation: {value: {"doc_count": n}}
            found = {value: bucket["doc_count"] for value, bucket in buckets.items()}
        else:  # a terms aggregation: [{"key": value, "doc_count": n}, ...]
            found = {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}
        counts[facet.name] = {value: n for value, n in found.items() if n}
    return counts


def read_hits(response, to_python=int):
    hits = response.get("hits", {})
    total = hits.get("total", 0)
    if isinstance(total, dict):
        total = total.get("value", 0)
    pks = [to_python(hit["fields"]["pk"][0]) for hit in hits.get("hits", [])]
    return pks, total


def send(backend, index, body, **params):
    """Send a search request as the backend's client expects it.

    The one place that depends on modelsearch's client handling: Elasticsearch clients from
    7.15 on take the body's keys as keyword arguments (modelsearch marks those backends with
    ``use_new_elasticsearch_api``); opensearch-py takes ``body=``.
    """
    if getattr(backend, "use_new_elasticsearch_api", False):
        return backend.es.search(index=index, **body, **params)
    return backend.es.search(index=index, body=body, **params)


def faceted_search(
    backend, queryset, words, facets, selected, *, sort=None, offset=0, size=20, language=None
):
    """One request: a page of primary keys, the total, and multi-select facet counts.

    With ``words`` and no exact match, the search is repeated with typo tolerance, as the
    search service does.
    """
    from modelsearch.backends.base import get_model_root

    index = backend.get_index_for_model(queryset.model).name
    to_python = get_model_root(queryset.model)._meta.pk.to_python

    def run(fuzzy):
        query = compiled_query(backend, queryset, words, fuzzy=fuzzy, language=language)
        body = search_body(wrap_query(query, sort), facets, selected, sort and sort.get("sort"))
        # The engine's shard request cache keeps the answer until the index next changes,
        # for every worker and host (it keeps only size=0 answers unless asked). Each copy of
        # a shard has its own cache, so the same question is sent to the same copies
        # (``preference``: a digest of the request, as the engine's documentation advises).
        response = send(
            backend,
            index,
            body,
            from_=offset,
            size=size,
            request_cache=True,
            preference=request_digest(body, offset, size),
        )
        pks, total = read_hits(response, to_python)
        return FacetedHits(pks, total, read_counts(response, facets), offset, fuzzy)

    found = run(fuzzy=False)
    if words and not found.total:
        retried = run(fuzzy=True)
        if retried.total:
            return retried
    return found


def request_digest(body, offset, size):
    """A short, stable name for one search request (the same request, the same name)."""
    text = json.dumps([body, offset, size], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def wrap_query(query, sort):
    """``query`` for an ordering: ``sort["first"]``, if given, is a filter whose documents
    come first (scored 1, the others 0, with the text query in filter context)."""
    if not sort or not sort.get("first"):
        return query
    return {
        "bool": {
            "filter": [query],
            "should": [{"constant_score": {"filter": sort["first"], "boost": 1.0}}],
        }
    }
