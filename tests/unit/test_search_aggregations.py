"""search.aggregations: the request body of a faceted search, reading its answer, and the one
assumption about modelsearch's clients (how a body is passed), pinned here."""

import pytest

from search import aggregations, backends
from search.aggregations import (
    UNSELECTED,
    EngineFacet,
    facet_aggregations,
    read_counts,
    search_body,
)

THEME = EngineFacet("theme", "theme_filter")
STATUS = EngineFacet("status", "status_filter")
OPEN = EngineFacet("open", conditions={"yes": {"term": {"open_filter": True}}})


def test_each_facet_is_counted_under_the_other_selections_only():
    clauses = {"theme": THEME.clause(["a", "b"]), "status": STATUS.clause(["active"])}
    aggs = facet_aggregations([THEME, STATUS, OPEN], clauses)
    assert aggs["theme"]["filter"] == {"bool": {"filter": [clauses["status"]]}}
    assert aggs["status"]["filter"] == {"bool": {"filter": [clauses["theme"]]}}
    # A facet with no selection is counted under every selection, with the others like it.
    assert set(aggs) == {"theme", "status", UNSELECTED}
    unselected = aggs[UNSELECTED]
    assert unselected["filter"] == {"bool": {"filter": [clauses["theme"], clauses["status"]]}}
    assert aggs["theme"]["aggs"]["values"]["terms"]["field"] == "theme_filter"
    assert unselected["aggs"] == {"open": {"filters": {"filters": OPEN.conditions}}}


def test_facets_without_a_selection_share_one_aggregation():
    aggs = facet_aggregations([THEME, STATUS, OPEN], {})
    assert set(aggs) == {UNSELECTED}
    assert aggs[UNSELECTED]["filter"] == {"bool": {"filter": []}}
    assert aggs[UNSELECTED]["aggs"]["theme"]["terms"]["field"] == "theme_filter"
    assert aggs[UNSELECTED]["aggs"]["status"]["terms"]["field"] == "status_filter"
    assert aggs[UNSELECTED]["aggs"]["open"] == {"filters": {"filters": OPEN.conditions}}


def test_hits_are_filtered_after_aggregating():
    body = search_body({"match_all": {}}, [THEME, OPEN], {"theme": ["a"], "open": ["yes"]})
    assert body["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"theme_filter": ["a"]}},
                {"bool": {"should": [{"term": {"open_filter": True}}], "minimum_should_match": 1}},
            ]
        }
    }
    assert body["query"] == {"match_all": {}}  # the query itself is not narrowed
    assert body["track_total_hits"] is True
    assert "post_filter" not in search_body({"match_all": {}}, [THEME], {})


def test_counts_are_read_from_terms_and_filters_buckets():
    response = {
        "aggregations": {
            "theme": {"values": {"buckets": [{"key": "a", "doc_count": 3}]}},
            "status": {"values": {"buckets": []}},
            "open": {"values": {"buckets": {"yes": {"doc_count": 0}}}},
        }
    }
    assert read_counts(response, [THEME, STATUS, OPEN]) == {
        "theme": {"a": 3},
        "status": {},
        "open": {},
    }


def test_counts_of_facets_without_a_selection_are_read_from_their_shared_aggregation():
    response = {
        "aggregations": {
            "theme": {"values": {"buckets": [{"key": "a", "doc_count": 3}]}},
            UNSELECTED: {
                "doc_count": 9,
                "status": {"buckets": [{"key": "active", "doc_count": 2}]},
                "open": {"buckets": {"yes": {"doc_count": 4}}},
            },
        }
    }
    assert read_counts(response, [THEME, STATUS, OPEN]) == {
        "theme": {"a": 3},
        "status": {"active": 2},
        "open": {"yes": 4},
    }


class FakeClient:
    def __init__(self):
        self.calls = []

    def search(self, **kwargs):
        self.calls.append(kwargs)
        return {}


class FakeBackend:
    def __init__(self, new_api):
        self.es = FakeClient()
        if new_api is not None:
            self.use_new_elasticsearch_api = new_api


@pytest.mark.parametrize(
    ("backend_class", "new_api"),
    [
        (backends.OpenSearch2SearchBackend, False),
        (backends.OpenSearch3SearchBackend, False),
        (backends.Elasticsearch8SearchBackend, True),
        (backends.Elasticsearch9SearchBackend, True),
    ],
)
def test_modelsearch_still_says_how_each_client_takes_a_body(backend_class, new_api):
    # send() relies on this attribute of modelsearch's backends: if it goes, this fails.
    assert backend_class.use_new_elasticsearch_api is new_api


def test_send_passes_the_body_as_each_client_expects():
    body = {"query": {"match_all": {}}, "aggs": {}}
    old = FakeBackend(new_api=False)
    aggregations.send(old, "idx", body, size=20)
    assert old.es.calls == [{"index": "idx", "body": body, "size": 20}]
    new = FakeBackend(new_api=True)
    aggregations.send(new, "idx", body, size=20)
    assert new.es.calls == [{"index": "idx", "query": {"match_all": {}}, "aggs": {}, "size": 20}]
