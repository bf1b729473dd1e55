"""The search syntax compiled for an engine (search/backends.py): phrases as match_phrase, OR as
should, exclusions as must_not over every field, on the query language's sub-fields. Checked on
the compiled request (no cluster needed); tests/integration run the engine itself."""

import json

import pytest
from django.test import override_settings

from projects.models import ProjectPage
from search import health, service


@pytest.fixture
def backend(db):
    from hub.settings.base import search_backends

    backends = search_backends("opensearch2+http://127.0.0.1:9", index_prefix="unit")
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            yield service.get_backend()
    finally:
        health.reset()


def sent(backend, monkeypatch, query, language="de", **options):
    """The request body ``search_ids`` sends for ``query``."""
    bodies = []

    def fake_search(compiler, body, **params):
        bodies.append(body)
        return {}

    monkeypatch.setattr(backend, "_raw_search", fake_search)
    queryset = ProjectPage.objects.live()
    assert backend.search_ids(query, queryset, language=language, **options) == []
    return bodies[0]["query"]


def test_plain_words_keep_wagtails_one_multi_field_match(backend, monkeypatch):
    query = json.dumps(sent(backend, monkeypatch, "peer mentors"))
    assert '"multi_match"' in query and '"peer mentors"' in query
    assert "match_phrase" not in query and "must_not" not in query


def test_a_phrase_is_a_match_phrase_on_the_language_sub_fields(backend, monkeypatch):
    query = json.dumps(sent(backend, monkeypatch, '"peer mentors" scheme'))
    assert '"match_phrase"' in query
    assert '"_all_text.de"' in query and '"peer mentors"' in query
    assert '"scheme"' in query


def test_or_is_should_and_exclusions_are_must_not(backend, monkeypatch):
    query = sent(backend, monkeypatch, "wellbeing OR accessibility -staff")
    assert set(query["bool"]) == {"must", "must_not"}
    assert "should" in json.dumps(query["bool"]["must"])
    assert '"staff"' in json.dumps(query["bool"]["must_not"])
    assert '"staff"' not in json.dumps(query["bool"]["must"])
    assert '"_all_text.de"' in json.dumps(query["bool"]["must_not"])


def test_typo_tolerance_still_reads_the_plain_words(backend, monkeypatch):
    query = json.dumps(sent(backend, monkeypatch, '"peer mentrs" -staff', fuzzy=True))
    assert '"fuzziness"' in query and '"peer mentrs"' in query
    assert '"staff"' in query.split('"must_not"')[1]


def test_polish_words_reach_the_stems_fields_as_snowball_stems(backend, monkeypatch):
    # search/engine_stems.py: the Polish sub-fields get the words as typed, the _stems_pl
    # fields their Snowball stems (as SQLite and PostgreSQL index them), the best of both.
    query = sent(backend, monkeypatch, "Ankiety studentów", language="pl")
    either = query["bool"]["must"]["dis_max"]["queries"]
    typed, stemmed = (query["multi_match"] for query in either)
    assert typed["query"] == "Ankiety studentów" and "title.pl^4.0" in typed["fields"]
    assert stemmed["query"] == "ankiet student"
    assert set(stemmed["fields"]) == {
        "_stems_pl._all_text",
        "_stems_pl._all_text_boost_2_0^2.0",
        "_stems_pl.title^4.0",
    }
    assert "_stems_pl" not in json.dumps(sent(backend, monkeypatch, "Ankiety", language="de"))


def test_polish_phrases_and_exclusions_are_stemmed_too(backend, monkeypatch):
    query = json.dumps(sent(backend, monkeypatch, '"ankiety studentów" -umowy', language="pl"))
    assert '{"match_phrase": {"_stems_pl.title": {"query": "ankiet student"' in query
    assert '{"match": {"_stems_pl._all_text": {"query": "umow"' in query.split('"must_not"')[1]
    fuzzy = json.dumps(sent(backend, monkeypatch, "ankiety", language="pl", fuzzy=True))
    assert '"query": "ankiet", "fuzziness": "AUTO"' in fuzzy
