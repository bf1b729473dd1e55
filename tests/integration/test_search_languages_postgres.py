"""Each language's text analysis on PostgreSQL (search/languages.py, search/database.py)."""

import pytest
from django.db import connection
from wagtail.models import Locale

from projects.models import ProjectPage
from search import service
from tests.factories import make_project

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL=postgres://…)"
    ),
]


def translate(page, language, title, summary):
    copy = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    copy.title = title
    copy.summary = summary
    copy.save_revision().publish()
    return copy


@pytest.fixture
def pages(registry):
    english = make_project(
        registry, title="Partnership agreement", summary="The union and the college sign it."
    )
    return {
        "en": english,
        "de": translate(english, "de", "Partnerschaftsvereinbarung", "Eine neue Vereinbarung."),
        "fr": translate(english, "fr", "Accord de partenariat", "Un accord signé ensemble."),
        "pl": translate(english, "pl", "Współpraca uczelni", "Umowa o współpracy."),
    }


def ids(query, language, everywhere=False):
    queryset = ProjectPage.objects.live()
    if not everywhere:
        queryset = queryset.filter(locale__language_code=language)
    return service.search_ids(queryset, query, language=language).ids


@pytest.mark.parametrize(
    ("language", "inflected"),
    [("en", "agreements"), ("de", "Vereinbarungen"), ("fr", "accords")],
)
def test_an_inflected_query_finds_its_base_form_in_its_own_language_only(
    pages, language, inflected
):
    assert ids(inflected, language) == [pages[language].pk]
    # Across all locales, still only the page in the query's language.
    assert ids(inflected, language, everywhere=True) == [pages[language].pk]


def test_the_language_decides_the_analysis(pages):
    # Analysed as English, "Vereinbarungen" is not reduced to the German stem.
    assert ids("Vereinbarungen", "en", everywhere=True) == []
    assert ids("Vereinbarungen", "de", everywhere=True) == [pages["de"].pk]


def test_the_readers_active_language_is_the_default(pages):
    from django.utils import translation

    with translation.override("fr"):
        found = service.search_ids(ProjectPage.objects.live(), "accords").ids
    assert found == [pages["fr"].pk]


def test_polish_folds_accents_without_stemming(pages):
    assert ids("wspolpraca", "pl") == [pages["pl"].pk]
    assert ids("Współpraca", "pl") == [pages["pl"].pk]


def test_named_fields_use_the_query_language_too(pages):
    found = service.search_ids(
        ProjectPage.objects.live(), "Vereinbarungen", fields=["summary"], language="de"
    ).ids
    assert found == [pages["de"].pk]


def test_pages_are_indexed_with_their_languages_configuration(pages):
    from django.apps import apps

    entry = apps.get_model("wagtailsearch", "IndexEntry")
    title = entry.objects.filter(object_id=str(pages["de"].pk)).values_list("title", flat=True)
    assert "partnerschaftsvereinbar" in str(title.get())  # the German stem, not the word


def test_all_languages_analyses_the_query_in_every_pages_own_language(pages):
    # "agreements" is only reduced to the stem "agreement" by the English configuration,
    # "Vereinbarungen" only by the German one: asked in every language, each finds its page.
    assert ids("agreements", "all", everywhere=True) == [pages["en"].pk]
    assert ids("Vereinbarungen", "all", everywhere=True) == [pages["de"].pk]
    assert set(ids("accords", "all", everywhere=True)) == {pages["fr"].pk}


@pytest.fixture
def syntax_pages(registry):
    return {
        "mentors": make_project(
            registry, title="Peer mentors", summary="First-years meet their mentors."
        ),
        "staff": make_project(
            registry, title="Mentors for staff", summary="Staff review with a peer each term."
        ),
        "poll": make_project(registry, title="Wellbeing poll", summary="A monthly poll."),
        "audit": make_project(registry, title="Accessibility audit", summary="Every building."),
    }


def names(syntax_pages, query):
    found = service.search_ids(ProjectPage.objects.live(), query, language="en").ids
    by_pk = {page.pk: name for name, page in syntax_pages.items()}
    return {by_pk[pk] for pk in found}


def test_search_syntax_phrases_or_and_exclusions(syntax_pages):
    assert names(syntax_pages, "peer mentors") == {"mentors", "staff"}
    assert names(syntax_pages, '"peer mentors"') == {"mentors"}
    assert names(syntax_pages, '"peer mentor"') == {"mentors"}  # stemmed phrase
    assert names(syntax_pages, "wellbeing OR accessibility") == {"poll", "audit"}
    assert names(syntax_pages, "polls OR audits -wellbeing") == {"audit"}
    assert names(syntax_pages, "mentors -staff") == {"mentors"}
    assert names(syntax_pages, "-staff") == set()


@pytest.mark.parametrize(
    "query",
    ['"peer mentors', "- -", "OR OR", '-"peer"', "NEAR(peer)", "peer:* & !x | y", "'; --", "&&"],
)
def test_hostile_syntax_is_a_plain_safe_query_on_postgres(syntax_pages, query):
    outcome = service.search_ids(ProjectPage.objects.live(), query, language="en")
    assert not outcome.degraded
    assert names(syntax_pages, query) <= {"mentors", "staff"}


@pytest.fixture
def stemmed_in_python(registry):
    english = make_project(registry, title="Evening courses", summary="For every student.")
    return {
        "nl": translate(english, "nl", "Avondcursussen", "Enquêtes onder studenten."),
        "pl": translate(english, "pl", "Kursy wieczorowe", "Ankiety wśród studentów."),
    }


@pytest.mark.parametrize(
    ("language", "query", "page"),
    [
        ("nl", "enquête", "nl"),
        ("nl", "student", "nl"),
        ("pl", "ankieta", "pl"),
        ("pl", "kurs wieczorowy", "pl"),
        ("pl", "ankiet wsrod", "pl"),  # folded too
    ],
)
def test_dutch_and_polish_are_stemmed_by_snowball_before_postgres_sees_them(
    stemmed_in_python, language, query, page
):
    assert ids(query, language) == [stemmed_in_python[page].pk]
    assert stemmed_in_python[page].pk in ids(query, "all", everywhere=True)


def test_a_phrase_keeps_its_word_order_in_python_stems(stemmed_in_python):
    assert ids('"kursy wieczorowe"', "pl") == [stemmed_in_python["pl"].pk]
    assert ids('"wieczorowe kursy"', "pl") == []
