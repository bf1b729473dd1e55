"""Searching in the reader's language by default, or in every language when asked.

Every search (site search, registry, guidance, the manifesto matcher) looks only at pages in
the reader's language unless ``?lang=all``: then the words are matched in every language and
each page found is shown once, as the reader's own version where there is one, marked with
the language its text is in.
"""

import copy
import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from induction.matching import search_projects
from search.scope import as_reader_versions, every_language
from tests.factories import make_guidance_index, make_guideline, make_project, make_site
from tests.support.shared_data import module_transaction
from tests.unit.test_languages import in_locale, synchronise_languages, translate


@pytest.fixture(autouse=True)
def _catalogues():
    call_command("compile_catalogues", verbosity=0)


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    """Built once for the module (``tests/support/shared_data.py``); each test's writes are
    rolled back."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            home, registry = make_site()
            poll = make_project(
                registry, title="Wellbeing poll", slug="wellbeing-poll", summary="A monthly poll."
            )
            mentors = make_project(
                registry,
                title="Peer mentors",
                slug="peer-mentors",
                summary="First-years meet mentors.",
            )
            synchronise_languages()
            translate(
                in_locale(poll, "de"),
                title="Umfrage zum Wohlbefinden",
                summary="Eine monatliche Umfrage.",
            )
        yield {"home": home, "poll": poll, "mentors": mentors}


@pytest.fixture
def projects(_world, db):
    return copy.deepcopy({"poll": _world["poll"], "mentors": _world["mentors"]})


@pytest.fixture
def home(_world, db):
    """The module's home page (instead of a new site tree per test)."""
    return copy.deepcopy(_world["home"])


def result_urls(response):
    return [result.url for result in response.context["search"].results]


def scope_radios(html):
    return re.findall(r'<input type="radio" id="[a-z]+-lang-(own|all)" name="lang"[^>]*>', html)


def test_site_search_stays_in_the_readers_language_by_default(client, projects):
    assert result_urls(client.get("/de/search/", {"q": "wellbeing"})) == []
    assert result_urls(client.get("/en/search/", {"q": "Umfrage"})) == []


def test_site_search_in_all_languages_shows_each_page_once_in_the_readers_version(client, projects):
    german = client.get("/de/search/", {"q": "wellbeing", "lang": "all"})
    assert result_urls(german) == ["/de/projects/wellbeing-poll/"]
    english = client.get("/en/search/", {"q": "Umfrage", "lang": "all"})
    assert result_urls(english) == ["/en/projects/wellbeing-poll/"]
    html = english.content.decode()
    assert 'value="all" checked' in html and 'value="own" checked' not in html


def test_site_search_marks_results_whose_text_is_in_another_language(client, projects):
    html = client.get("/de/search/", {"q": "mentors"}).content.decode()
    (result,) = re.findall(r'<li class="search-result">.*?</li>', html, re.S)
    assert 'class="badge badge--language"' in result and "Englisch" in result
    html = client.get("/de/search/", {"q": "Umfrage"}).content.decode()
    (result,) = re.findall(r'<li class="search-result">.*?</li>', html, re.S)
    assert "badge--language" not in result


def test_the_scope_choice_is_offered_and_the_default_is_checked(client, projects):
    html = client.get("/de/search/", {"q": "Umfrage"}).content.decode()
    assert scope_radios(html) == ["own", "all"]
    assert 'value="own" checked' in html


@pytest.mark.parametrize("junk", ["ALL", "all ", "<b>", "x" * 500, "own"])
def test_any_other_scope_value_searches_the_readers_language(client, projects, junk):
    response = client.get("/de/search/", {"q": "wellbeing", "lang": junk})
    assert response.status_code == 200
    assert result_urls(response) == []


def registry_slugs(response):
    return [project.slug for project in response.context["registry"].projects]


def test_registry_in_all_languages_lists_the_readers_versions(client, projects):
    assert registry_slugs(client.get("/de/projects/", {"q": "wellbeing"})) == []
    response = client.get("/de/projects/", {"q": "wellbeing", "lang": "all"})
    assert registry_slugs(response) == ["wellbeing-poll"]
    assert response.context["registry"].projects[0].locale.language_code == "de"
    assert response.context["registry"].total == 1
    assert 'value="all" checked' in response.content.decode()


def test_registry_all_languages_keeps_filters_and_counts(client, projects):
    params = {"q": "Umfrage", "lang": "all"}
    response = client.get("/en/projects/", {**params, "status": "active"})
    assert registry_slugs(response) == ["wellbeing-poll"]
    (status,) = [f for f in response.context["registry"].facets if f.name == "status"]
    assert {o.value: o.count for o in status.options} == {"active": 1}
    response = client.get("/en/projects/", {**params, "status": "proposed"})
    assert registry_slugs(response) == []


def test_registry_suggests_a_spelling_that_finds_projects(client, projects):
    response = client.get("/en/projects/", {"q": "welbeing"})
    registry = response.context["registry"]
    assert registry.total == 0
    assert registry.suggestion == "wellbeing"
    html = response.content.decode()
    assert 'href="/en/projects/?q=wellbeing"' in html


def test_registry_suggests_nothing_when_projects_matched_or_nothing_is_close(client, projects):
    assert client.get("/en/projects/", {"q": "wellbeing"}).context["registry"].suggestion == ""
    assert client.get("/en/projects/", {"q": "zzzzqqq"}).context["registry"].suggestion == ""


def test_registry_suggestion_is_in_the_readers_language(client, projects):
    response = client.get("/de/projects/", {"q": "Umfrge"})
    assert response.context["registry"].suggestion == "umfrage"
    assert "Meinten Sie:" in response.content.decode()


def test_guidance_search_in_all_languages(client, home):
    index = make_guidance_index(home)
    guideline = make_guideline(
        index, title="Partnership agreement basics", summary="What a partnership agreement says."
    )
    synchronise_languages()
    translate(
        in_locale(guideline, "de"),
        title="Grundlagen der Partnerschaftsvereinbarung",
        summary="Was eine Vereinbarung regelt.",
    )
    german_index = in_locale(index, "de").url
    listing = client.get(german_index, {"q": "agreement"}).context["listing"]
    assert listing.total == 0
    listing = client.get(german_index, {"q": "agreement", "lang": "all"}).context["listing"]
    assert [page.title for page in listing.items] == ["Grundlagen der Partnerschaftsvereinbarung"]


def test_manifesto_matcher_searches_every_language_when_asked(projects):
    assert search_projects("Umfrage", "en") == ([], False)
    found, degraded = search_projects("Umfrage", "fr", every_language=True)
    assert not degraded
    assert [page.translation_key for page in found] == [projects["poll"].translation_key]


def test_as_reader_versions_maps_dedupes_and_falls_back(projects):
    from projects.models import ProjectPage

    german = Locale.objects.get(language_code="de")
    poll_de = in_locale(projects["poll"], "de")
    matched = every_language(ProjectPage.objects.live())
    ids = [projects["poll"].pk, poll_de.pk, projects["mentors"].pk]
    readers = ProjectPage.objects.live().filter(locale=german)
    mentors_de = in_locale(projects["mentors"], "de")
    assert as_reader_versions(ids, matched, readers) == [poll_de.pk, mentors_de.pk]
    only_english = ProjectPage.objects.none()
    assert as_reader_versions(ids, matched, only_english) == [
        projects["poll"].pk,
        projects["mentors"].pk,
    ]
    # Aliases are not matched across languages: their text is their source's.
    assert not every_language(ProjectPage.objects.filter(pk=mentors_de.pk)).exists()
