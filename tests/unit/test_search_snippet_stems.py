"""Excerpts mark other forms of a query word, by its stem in the reader's language."""

from django.utils import translation

from search.snippets import mark


def test_an_inflected_query_marks_the_base_form_in_the_excerpt():
    with translation.override("en"):
        assert str(mark("Our survey of students", ["surveys"])) == (
            "Our <mark>survey</mark> of students"
        )
    with translation.override("de"):
        marked = str(mark("Eine Vereinbarung & mehr", ["Vereinbarungen"]))
    assert marked == "Eine <mark>Vereinbarung</mark> &amp; mehr"


def test_short_stems_and_languages_without_a_stemmer_mark_only_the_words():
    with translation.override("en"):
        assert str(mark("a runner runs", ["runs"])) == "a runner <mark>runs</mark>"
    with translation.override("sl"):
        assert str(mark("študent in študenti", ["študenti"])) == "študent in <mark>študenti</mark>"
