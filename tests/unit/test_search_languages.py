"""Which analysis each language gets (search/languages.py)."""

import json

from django.utils import translation
from wagtail.models import Locale

from search import languages


def test_base_language_falls_back_to_the_default():
    assert languages.base_language("de-at") == "de"
    assert languages.base_language("PL") == "pl"
    assert languages.base_language("xx") == "en"
    assert languages.base_language(None) == "en"


def test_the_query_language_is_the_readers_unless_named():
    with translation.override("fr"):
        assert languages.query_language() == "fr"
        assert languages.query_language("nl") == "nl"


def test_an_object_has_its_locales_language(db):
    german = Locale.objects.get(language_code="de")

    class Page:
        locale_id = german.pk

    assert languages.object_language(Page()) == "de"
    assert languages.object_language(object()) == "en"  # not translatable: the default


def test_every_language_has_a_postgres_analysis():
    stemmed = set(languages.POSTGRES_CONFIGS)
    assert stemmed == {"en", "de", "fr", "es", "it"}
    # Dutch and Polish: Snowball stems from Python under the folding configuration (search
    # migration 0003); Slovenian: folding only.
    assert languages.POSTGRES_STEMMED_IN_PYTHON == {"nl", "pl"}
    assert {"nl", "pl", "sl"}.isdisjoint(stemmed)


def test_engine_queries_read_the_sub_fields_of_their_language(db):
    from django.test import override_settings

    from hub.settings.base import search_backends
    from projects.models import ProjectPage
    from search import health, service

    backends = search_backends("opensearch2+http://127.0.0.1:9", index_prefix="unit")
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            backend = service.get_backend()
            queryset = ProjectPage.objects.live()

            def fields(**options):
                compiler = backend._compile(queryset, "Umfragen", None, "and", False, **options)
                return compiler.get_query()["bool"]["must"]["multi_match"]["fields"]

            assert set(fields(language="de")) == {
                "_all_text.de",
                "_all_text_boost_2_0.de^2.0",
                "title.de^4.0",
            }
            with translation.override("pl"):
                polish = backend._compile(queryset, "Umfragen", None, "and", False)
                assert '"title.pl^4.0"' in json.dumps(polish.get_query())
            assert "title^4.0" in fields(language="de", analysed=False)  # for highlighting
            analysis = backend.settings["settings"]["analysis"]["analyzer"]
            assert analysis["hub_folding"]["filter"] == ["lowercase", "asciifolding"]
            assert analysis["hub_italian"]["filter"][-1] == "hub_italian_stemmer"
            filters = backend.settings["settings"]["analysis"]["filter"]
            assert filters["hub_italian_stemmer"] == {"type": "stemmer", "language": "italian"}
            assert "ngram_analyzer" in analysis  # Wagtail's own analyzers are kept
    finally:
        health.reset()


def test_engine_mapping_adds_one_sub_field_per_language_to_searched_text():
    from projects.models import ProjectPage
    from search.engine_mapping import OpenSearchMapping

    properties = OpenSearchMapping(ProjectPage).get_mapping()["properties"]
    for column in ("title", "_all_text", "_all_text_boost_2_0"):
        assert properties[column]["fields"]["de"] == {"type": "text", "analyzer": "german"}
        assert properties[column]["fields"]["sl"]["analyzer"] == "hub_folding"
    assert "fields" not in properties["title_edgengrams"]  # autocomplete is unchanged
    assert properties["title_filter"]["type"] == "keyword"  # and so are the filters


def test_a_polish_page_carries_its_snowball_stems(registry):
    from projects.models import ProjectPage
    from search.engine_mapping import OpenSearchMapping
    from tests.factories import make_project

    english = make_project(registry, title="Student surveys", summary="What students think.")
    polish = english.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    polish.title, polish.summary = "Ankiety studentów", "Opinie studentów o bibliotece."
    polish.save()
    mapping = OpenSearchMapping(ProjectPage)
    stems = mapping.get_document(polish)["_stems_pl"]
    assert stems["title"] == ["ankiet student"]
    assert stems["_all_text_boost_2_0"] == ["ankiet student", "opin student o bibliotec"]
    assert (
        "ankiet student" in stems["_all_text"] and "opin student o bibliotec" in stems["_all_text"]
    )
    assert "_stems_pl" not in mapping.get_document(english)
    properties = mapping.get_mapping()["properties"]["_stems_pl"]["properties"]
    assert set(properties) == {"title", "_all_text", "_all_text_boost_2_0"}
