"""The registry's window on an engine's hits: one request per page, one per export slice."""

from projects.exports import EXPORT_CHUNK, ordered_pks
from projects.facets_engine import EngineWindow
from search.aggregations import FacetedHits

TOTAL = 1234


def window(limit=10_000):
    asked = []

    def fetch(offset, size=20):
        asked.append((offset, size))
        pks = list(range(offset, min(offset + size, TOTAL)))
        return FacetedHits(pks, TOTAL, {}, offset)

    return EngineWindow(fetch, 0, limit), asked


def test_a_page_costs_one_request_and_the_count_comes_with_it():
    rows, asked = window()
    assert rows.count() == TOTAL
    assert rows[0:20] == list(range(20))
    assert asked == [(0, 20)]


def test_an_export_reads_the_hits_a_chunk_at_a_time():
    rows, asked = window()
    assert list(ordered_pks(rows)) == list(range(TOTAL))
    chunks = -(-TOTAL // EXPORT_CHUNK)
    assert [size for _offset, size in asked[1:]] == [EXPORT_CHUNK] * chunks
    assert len(asked) == 1 + chunks  # the count, then one request per chunk (not per 20)


def test_slices_stop_at_the_engines_result_window():
    rows, asked = window(limit=1000)
    assert rows.count() == 1000
    assert rows[990:1010] == list(range(990, 1000))
    assert rows[1000:1020] == []
    assert asked[-1] == (990, 10)
