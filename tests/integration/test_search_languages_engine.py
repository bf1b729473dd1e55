"""Each language's analysis on a real OpenSearch (per-language sub-fields, search/languages.py)."""

import pytest
from wagtail.models import Locale

from projects.models import ProjectPage
from search import service
from tests.factories import make_project

pytestmark = pytest.mark.engine


def translate(page, language, title, summary):
    copy = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    copy.title = title
    copy.summary = summary
    copy.save_revision().publish()
    return copy


@pytest.fixture
def pages(engine, registry):
    english = make_project(
        registry, title="Partnership agreement", summary="The union and the college sign it."
    )
    made = {
        "en": english,
        "de": translate(english, "de", "Partnerschaftsvereinbarung", "Eine neue Vereinbarung."),
        "fr": translate(english, "fr", "Accord de partenariat", "Un accord signé ensemble."),
        "pl": translate(english, "pl", "Współpraca uczelni", "Umowa o współpracy."),
    }
    engine.refresh()
    return made


def ids(query, language, everywhere=False, **options):
    queryset = ProjectPage.objects.live()
    if not everywhere:
        queryset = queryset.filter(locale=Locale.objects.get(language_code=language))
    return service.search_ids(queryset, query, language=language, fuzzy=False, **options).ids


@pytest.mark.parametrize(
    ("language", "inflected"),
    [("en", "agreements"), ("de", "Vereinbarungen"), ("fr", "accords")],
)
def test_an_inflected_query_finds_its_base_form_in_its_own_language_only(
    pages, language, inflected
):
    assert ids(inflected, language) == [pages[language].pk]
    assert ids(inflected, language, everywhere=True) == [pages[language].pk]


def test_the_language_decides_the_analysis(pages):
    assert ids("Vereinbarungen", "en", everywhere=True) == []
    assert ids("Vereinbarungen", "de", everywhere=True) == [pages["de"].pk]


def test_the_readers_active_language_is_the_default(pages):
    from django.utils import translation

    with translation.override("fr"):
        found = service.search_ids(ProjectPage.objects.live(), "accords", fuzzy=False).ids
    assert found == [pages["fr"].pk]


def test_polish_folds_accents(pages):
    assert ids("wspolpraca", "pl") == [pages["pl"].pk]


@pytest.mark.parametrize("inflected", ["uczelnie", "współpracy", "wspolpracy"])
def test_polish_is_stemmed_by_stempel(pages, inflected):
    # The test cluster loads Lucene's Stempel (ops/opensearch, PolishStempelPlugin), as a
    # production cluster with the analysis-stempel plugin does.
    assert ids(inflected, "pl") == [pages["pl"].pk]
    assert ids(inflected, "en") == []


@pytest.fixture
def polish(engine, registry, pages):
    english = make_project(registry, title="Student survey", summary="What students think.")
    survey = translate(english, "pl", "Ankieta studentów", "Ankieta o bibliotece uczelni.")
    engine.refresh()
    return {"survey": survey.pk, "cooperation": pages["pl"].pk}


def test_polish_is_stemmed_in_python_where_stempel_misses(polish):
    # Stempel keeps the nominative plural "ankiety" apart from "ankieta"; the Snowball stems
    # of the _stems_pl fields (search/engine_stems.py) join them, as on SQLite and PostgreSQL.
    assert ids("ankiety", "pl") == [polish["survey"]]
    assert ids("ankiety", "pl", everywhere=True) == [polish["survey"]]
    assert ids("ankiety", "en", everywhere=True) == []
    assert ids("ankiety", "de", everywhere=True) == []
    assert ids("ankiety", "all", everywhere=True) == [polish["survey"]]


def test_polish_syntax_reads_the_stems(polish):
    survey, cooperation = polish["survey"], polish["cooperation"]
    assert ids('"ankiety studenta"', "pl") == [survey]
    assert ids('"studenta ankiety"', "pl") == []
    assert set(ids("ankiety OR umowy", "pl")) == {survey, cooperation}
    assert set(ids("uczelnie", "pl")) == {survey, cooperation}
    assert ids("uczelnie -ankiety", "pl") == [cooperation]


def test_typo_tolerance_still_works_on_the_language_fields(pages):
    outcome = service.search_ids(
        ProjectPage.objects.filter(locale=Locale.objects.get(language_code="de")),
        "Verienbarungen",
        language="de",
    )
    assert outcome.ids == [pages["de"].pk] and outcome.fuzzy


def test_the_mapping_has_a_sub_field_per_language(engine, pages):
    index = engine.page_index().name
    mapping = engine.es.indices.get_mapping(index=index)
    properties = next(iter(mapping.values()))["mappings"]["properties"]
    subfields = properties["_all_text"]["fields"]
    assert subfields["de"]["analyzer"] == "german"
    assert subfields["pl"]["analyzer"] == "hub_polish"
    assert subfields["sl"]["analyzer"] == "hub_folding"
    analysis = engine.es.indices.get_settings(index=index)[index]["settings"]["index"]["analysis"]
    assert "polish_stem" in analysis["analyzer"]["hub_polish"]["filter"]
    assert set(properties["title"]["fields"]) == {"en", "de", "fr", "es", "it", "pl", "sl", "nl"}
    stems = properties["_stems_pl"]["properties"]
    assert set(stems) == {"title", "_all_text", "_all_text_boost_2_0"}
    assert stems["title"]["analyzer"] == "hub_folding"


def test_all_languages_searches_every_languages_sub_fields(pages):
    # Every page carries every language's sub-fields: in all languages, the inflected German
    # word reaches the German page through the German analysis whatever the reader's language.
    assert pages["de"].pk in ids("Vereinbarungen", "all", everywhere=True)
    assert pages["en"].pk in ids("agreements", "all", everywhere=True)


@pytest.fixture
def syntax_pages(engine, registry):
    made = {
        "mentors": make_project(
            registry, title="Peer mentors", summary="First-years meet their mentors."
        ),
        "staff": make_project(
            registry, title="Mentors for staff", summary="Staff review with a peer each term."
        ),
        "poll": make_project(registry, title="Wellbeing poll", summary="A monthly poll."),
        "audit": make_project(registry, title="Accessibility audit", summary="Every building."),
    }
    engine.refresh()
    return made


def names(syntax_pages, query):
    found = service.search_ids(ProjectPage.objects.live(), query, language="en", fuzzy=False)
    assert not found.degraded, query  # the engine answered, not the database fallback
    by_pk = {page.pk: name for name, page in syntax_pages.items()}
    return {by_pk[pk] for pk in found.ids}


def test_search_syntax_phrases_or_and_exclusions_on_the_engine(syntax_pages):
    assert names(syntax_pages, "peer mentors") == {"mentors", "staff"}
    assert names(syntax_pages, '"peer mentors"') == {"mentors"}
    assert names(syntax_pages, "wellbeing OR accessibility") == {"poll", "audit"}
    assert names(syntax_pages, "polls OR audits -wellbeing") == {"audit"}
    assert names(syntax_pages, "mentors -staff") == {"mentors"}
    assert names(syntax_pages, "-staff") == set()


@pytest.mark.parametrize(
    "query",
    ['"peer mentors', "- -", "OR OR", '-"peer"', "NEAR(peer)", "peer:* & !x | y", "'; --", "&&"],
)
def test_hostile_syntax_is_a_plain_safe_query_on_the_engine(syntax_pages, query):
    assert names(syntax_pages, query) <= {"mentors", "staff"}


def registry_titles(client, language, **params):
    response = client.get(f"/{language}/projects/", params)
    registry = response.context["registry"]
    assert response.status_code == 200 and not registry.degraded
    return [project.title for project in registry.page.object_list]


def test_the_registry_on_the_engine_reads_the_readers_language_and_the_syntax(client, pages):
    # The registry's one faceted request (search/aggregations.py) analyses the words in the
    # reader's language and understands phrases, OR and exclusions, as the site search does.
    assert registry_titles(client, "de", q="Vereinbarungen") == ["Partnerschaftsvereinbarung"]
    assert registry_titles(client, "en", q="agreements") == ["Partnership agreement"]
    assert registry_titles(client, "en", q='"partnership agreement"') == ["Partnership agreement"]
    assert registry_titles(client, "en", q="agreements -college") == []
    assert registry_titles(client, "en", q="nothing OR agreements") == ["Partnership agreement"]
