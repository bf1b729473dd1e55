"""Stemmed search on SQLite (search/stemming.py, search/database_sqlite.py)."""

from copy import deepcopy

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from wagtail.models import Locale

from projects.models import ProjectPage
from search import service, stemming
from search.languages import ALL, object_language
from tests.factories import make_project, make_site
from tests.support.shared_data import module_transaction

# The SQLite backend's analysis (PostgreSQL's is in tests/integration).
pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backend")


def translate(page, language, title, summary):
    copy = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    copy.title = title
    copy.summary = summary
    copy.save_revision().publish()
    return copy


@pytest.fixture(scope="module")
def _pages(django_db_setup, django_db_blocker):
    """Built and indexed once for the module (``tests/support/shared_data.py``)."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            _home, registry = make_site()
            built = build_pages(registry)
        yield built


@pytest.fixture
def pages(_pages, db):
    return deepcopy(_pages)


def build_pages(registry):
    english = make_project(
        registry, title="Partnership agreement", summary="A survey the union and college sign."
    )
    return {
        "en": english,
        "de": translate(english, "de", "Neue Vereinbarung", "Die Umfrage der Hochschule."),
        "fr": translate(english, "fr", "Accord de partenariat", "Un accord signé ensemble."),
        "es": translate(english, "es", "Acuerdo de colaboración", "Un acuerdo firmado."),
        "it": translate(english, "it", "Convenzione di collaborazione", "Firmata insieme."),
        "nl": translate(
            english, "nl", "Nieuwe overeenkomst", "Een overeenkomst met de hogeschool."
        ),
        "pl": translate(english, "pl", "Współpraca uczelni", "Umowa o współpracy."),
        "sl": translate(english, "sl", "Sodelovanje študentov", "Dogovor s fakulteto."),
    }


def ids(query, language, everywhere=False):
    queryset = ProjectPage.objects.live()
    if not everywhere:
        queryset = queryset.filter(locale__language_code=language)
    return service.search_ids(queryset, query, language=language).ids


@pytest.mark.parametrize(
    ("language", "inflected"),
    [
        ("en", "agreements"),
        ("en", "surveys"),
        ("de", "Vereinbarungen"),
        ("de", "Umfragen"),
        ("fr", "accords"),
        ("es", "acuerdos"),
        ("it", "convenzioni"),
        ("nl", "overeenkomsten"),
        ("pl", "współpracy"),
        ("pl", "wspolpraca"),  # typed without accents
        ("sl", "studentov"),
        ("sl", "ŠTUDENTOV"),
    ],
)
def test_an_inflected_query_finds_its_base_form_in_its_own_language(pages, language, inflected):
    assert ids(inflected, language) == [pages[language].pk]
    assert ids(inflected, language, everywhere=True) == [pages[language].pk]


def test_the_query_language_decides_the_analysis(pages):
    # English analysis does not reduce "Vereinbarungen" to the German stem.
    assert ids("Vereinbarungen", "en", everywhere=True) == []
    assert ids("Vereinbarungen", "de", everywhere=True) == [pages["de"].pk]
    with translation.override("de"):  # no language named: the reader's
        found = service.search_ids(ProjectPage.objects.live(), "Vereinbarungen").ids
    assert found == [pages["de"].pk]


def test_all_languages_looks_a_word_up_by_its_stem_in_every_language(pages):
    assert ids("Vereinbarungen", ALL, everywhere=True) == [pages["de"].pk]
    found = set(ids("accords", ALL, everywhere=True))
    assert {pages["fr"].pk} <= found
    assert pages["en"].pk not in found


def test_the_index_holds_stems_and_autocomplete_keeps_the_words(pages):
    from django.apps import apps

    entry = apps.get_model("wagtailsearch", "IndexEntry").objects.get(object_id=str(pages["de"].pk))
    assert "vereinbar" in entry.title.split()
    assert "Vereinbarung" not in entry.title
    german = ProjectPage.objects.live().filter(locale=Locale.objects.get(language_code="de"))
    found = service.autocomplete(german, "Verein")
    assert [page.pk for page in found.objects] == [pages["de"].pk]


def test_wagtails_own_search_uses_the_stemmed_index(pages):
    backend = service.get_backend()
    with translation.override("en"):
        found = list(backend.search("agreements", ProjectPage.objects.live()))
        named = list(backend.search("agreements", ProjectPage.objects.live(), fields=["title"]))
    assert [page.pk for page in found] == [pages["en"].pk]
    assert [page.pk for page in named] == [pages["en"].pk]


def test_update_index_rebuilds_the_stemmed_index(pages):
    from django.apps import apps

    entries = apps.get_model("wagtailsearch", "IndexEntry").objects
    entries.all().delete()
    assert ids("agreements", "en") == []
    call_command("update_index", verbosity=0)
    assert ids("agreements", "en") == [pages["en"].pk]


def test_a_republished_page_is_found_by_its_new_words_only(pages):
    page = pages["en"]
    page.title = "Housing charter"
    page.summary = "Rents the union negotiated."
    page.save_revision().publish()
    assert ids("charters", "en") == [page.pk]
    assert ids("agreements", "en") == []


def test_folding_removes_accents_and_letters_that_do_not_decompose():
    assert stemming.fold("Współpraca") == "wspolpraca"
    assert stemming.fold("Študent Ćevapčiči Đak") == "student cevapcici dak"
    assert stemming.analyse("Współpraca, studentów!", "sl") == "wspolpraca studentow"
    assert stemming.forms("agreements", "en") == ("agreement",)
    assert "agreement" in stemming.forms("agreements", ALL)


def test_reindexing_costs_the_same_queries_for_three_pages_as_for_twelve(registry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(12):
        make_project(registry, title=f"Survey {number}", slug=f"survey-{number}")
    index = service.get_backend().get_index_for_model(ProjectPage)

    def queries(count):
        objs = list(ProjectPage.get_indexed_objects().order_by("pk")[:count])
        object_language(objs[0])  # the locale's language is read once per process
        with CaptureQueriesContext(connection) as captured:
            index.add_items(ProjectPage, objs)
        return len(captured)

    few = queries(3)
    assert queries(12) == few
    assert len(ids("surveys", "en")) == 12
