"""FacetIndex: masks of search results, counts and ordering over them."""

import random

from search.facets import FacetIndex, FacetValue


def test_mask_of_sets_exactly_the_known_pks():
    pks = list(range(10, 1010))
    index = FacetIndex(pks, {}, {"newest": list(reversed(pks))})
    chosen = random.Random(3).sample(pks, 200)
    mask = index.mask_of([*chosen, 99999, -1])  # unknown pks are ignored
    assert mask.bit_count() == 200
    assert {index.pks[i] for i in range(len(pks)) if mask >> i & 1} == set(chosen)
    assert index.mask_of([]) == 0
    assert index.mask_of(pks) == index.all


def test_counts_and_relevance_order_within_search_results():
    pks = [1, 2, 3, 4, 5]
    facets = {"theme": {1: ["a"], 2: ["a", "b"], 3: ["b"], 4: ["b"], 5: ["a"]}}
    labels = {"theme": [FacetValue("a", "A"), FacetValue("b", "B")]}
    index = FacetIndex(pks, facets, {}, labels)
    found = [4, 2, 5]  # best first
    base = index.mask_of(found)
    assert index.counts({}, base) == {"theme": {"a": 2, "b": 2}}
    mask = index.apply({"theme": ["b"]}, base)
    assert index.ordered(mask, relevance=found)[0:10] == [4, 2]


def test_sparse_and_walking_orderings_agree(monkeypatch):
    from search.facets import OrderedSelection, set_positions

    rng = random.Random(11)
    pks = rng.sample(range(1, 100000), 3000)
    newest = rng.sample(pks, len(pks))
    index = FacetIndex(pks, {}, {"newest": newest})
    for density in (0, 1, 5, 40, 400, 2999, 3000):
        mask = index.mask_of(rng.sample(pks, density))
        assert set_positions(mask, len(pks)) == [i for i in range(len(pks)) if mask >> i & 1]
        expected = [pk for pk in newest if mask >> index.position[pk] & 1]
        for sparse in (0, 10**9):  # always sort by rank / always walk the ordering
            monkeypatch.setattr(OrderedSelection, "SPARSE", sparse)
            selection = index.ordered(mask, ordering="newest")
            assert len(selection) == density
            for start, stop in ((0, 20), (20, 40), (density - 5, density + 20), (0, None)):
                assert selection[max(start, 0) : stop] == expected[max(start, 0) : stop]
