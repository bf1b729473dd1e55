"""Untranslated pages: served in their own language, said so, and marked up honestly.

Every language's tree mirrors the English one with wagtail-localize alias pages. An alias is
not a translation: it shows its source's text, so readers get a notice (in their language),
the text carries its real ``lang``, and only real translations are offered as alternates.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from hub.languages import content_language, locale_codes, page_languages
from hub.routing import find_site
from projects.models import ProjectPage
from tests.factories import make_project

LANGUAGES = ["en", "de", "fr", "es", "it", "pl", "sl", "nl"]


def synchronise_languages():
    """Mirror the English tree into every other language, as the demo does."""
    english = Locale.objects.get(language_code="en")
    for locale in Locale.objects.exclude(pk=english.pk):
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": english})


def translate(alias, **fields):
    """Turn an alias into a real translation the way wagtail-localize does, and publish it."""
    alias.alias_of_id = None
    alias.save(update_fields=["alias_of_id"], clean=False)
    for name, value in fields.items():
        setattr(alias, name, value)
    alias.save_revision().publish()
    return alias


def in_locale(page, code):
    return page.get_translation(Locale.objects.get(language_code=code)).specific


@pytest.fixture
def project(registry):
    project = make_project(
        registry, title="Wellbeing poll", slug="wellbeing-poll", summary="A monthly poll."
    )
    synchronise_languages()
    return project


def _tags(html, pattern):
    return re.findall(pattern, html, re.S)


# --- the fallback notice and lang attributes ---------------------------------------------


def test_an_untranslated_page_is_served_in_its_language_with_a_notice(client, project):
    response = client.get("/de/projects/wellbeing-poll/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    # The interface stays German, the project's own words are marked as English.
    assert "Auf einen Blick" in html
    assert '<h1 lang="en">Wellbeing poll</h1>' in html
    assert '<p class="lead" lang="en">A monthly poll.</p>' in html
    (notice,) = _tags(html, r'<aside class="translation-notice".*?</aside>')
    assert "Englisch" in notice  # the language it is shown in, named in German
    assert '<a href="/en/projects/wellbeing-poll/" hreflang="en" lang="en">English</a>' in notice
    assert "/de/projects/wellbeing-poll/" not in notice  # the alias is not a translation


def test_a_translated_page_has_no_notice_and_no_foreign_lang(client, project):
    translate(in_locale(project, "de"), title="Umfrage zum Wohlbefinden", summary="Monatlich.")
    html = client.get("/de/projects/wellbeing-poll/").content.decode()
    assert "translation-notice" not in html
    assert "<h1>Umfrage zum Wohlbefinden</h1>" in html
    english = client.get("/en/projects/wellbeing-poll/").content.decode()
    assert "translation-notice" not in english
    assert ' lang="en"' not in english.split("<main", 1)[1]  # nothing foreign to mark


@pytest.mark.parametrize("code", ["pl", "sl", "nl"])
def test_the_notice_names_the_language_in_the_readers_language(client, project, code):
    html = client.get(f"/{code}/projects/wellbeing-poll/").content.decode()
    expected = {"pl": "angielski", "sl": "Angleščina", "nl": "Engels"}[code]
    (notice,) = _tags(html, r'<aside class="translation-notice".*?</aside>')
    assert expected in notice
    assert f'<html lang="{code}"' in html


def test_every_page_type_marks_its_text_with_its_language(client, project, registry, home):
    pages = {
        "/de/": '<div class="hero" lang="en">',
        "/de/projects/": '<h1 lang="en">Projects</h1>',
        "/de/projects/wellbeing-poll/": '<div class="stream" lang="en">',
    }
    for url, marker in pages.items():
        html = client.get(url).content.decode()
        assert marker in html, url
        assert "translation-notice" in html, url


def test_registry_cards_of_untranslated_projects_carry_their_language(client, project):
    html = client.get("/de/projects/").content.decode()
    (card,) = _tags(html, r'<article class="card project-card">.*?</article>')
    assert '<h3 class="card__title" lang="en">' in card
    assert '<p lang="en">A monthly poll.</p>' in card
    assert "badge--language" in card and "Englisch" in card
    english = client.get("/en/projects/").content.decode()
    (card,) = _tags(english, r'<article class="card project-card">.*?</article>')
    assert "lang=" not in card and "badge--language" not in card


def test_search_results_carry_their_language(client, project):
    html = client.get("/de/search/?q=wellbeing").content.decode()
    titles = _tags(html, r'<h3 class="search-result__title"[^>]*>')
    assert titles and all('lang="en"' in title for title in titles)


# --- alternates and the switcher -------------------------------------------------------------


def test_alternates_list_only_real_translations(client, project):
    translate(in_locale(project, "de"), title="Umfrage", slug="umfrage")
    html = client.get("/fr/projects/wellbeing-poll/").content.decode()
    head = html.split("</head>", 1)[0]
    alternates = _tags(head, r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
    assert alternates == [
        ("en", "http://testserver/en/projects/wellbeing-poll/"),
        ("de", "http://testserver/de/projects/umfrage/"),
        ("x-default", "http://testserver/en/projects/wellbeing-poll/"),
    ]
    # The French alias points search engines at the original it copies.
    assert '<link rel="canonical" href="http://testserver/en/projects/wellbeing-poll/">' in head
    german = client.get("/de/projects/umfrage/").content.decode().split("</head>", 1)[0]
    assert 'rel="canonical"' not in german
    assert 'hreflang="de" href="http://testserver/de/projects/umfrage/"' in german


def test_switcher_names_languages_by_autonym_and_marks_untranslated_ones(client, project):
    translate(in_locale(project, "de"), title="Umfrage", slug="umfrage")
    html = client.get("/pl/projects/wellbeing-poll/").content.decode()
    (switcher,) = _tags(html, r'<nav class="language-switcher".*?</nav>')
    links = _tags(switcher, r'<li>(<a href="([^"]+)" hreflang="(\w+)" lang="(\w+)".*?</a>)</li>')
    assert [(url, hreflang, lang) for _a, url, hreflang, lang in links] == [
        (f"/{code}/projects/{'umfrage' if code == 'de' else 'wellbeing-poll'}/", code, code)
        for code in LANGUAGES
    ]
    names = [re.sub(r"<span.*?</span>|<[^>]+>", "", a).strip() for a, *_rest in links]
    assert names == [
        "English",
        "Deutsch",
        "Français",
        "Español",
        "Italiano",
        "Polski",
        "Slovenščina",
        "Nederlands",
    ]
    untranslated = {code for a, _u, code, _l in links if "language-switcher__note" in a}
    assert untranslated == {"fr", "es", "it", "pl", "sl", "nl"}
    # The note is in the reader's language, and says so.
    assert '<span class="language-switcher__note" lang="pl">' in switcher


def test_views_that_are_not_pages_link_every_language_without_notes(client, project):
    html = client.get("/de/search/?q=poll").content.decode()
    (switcher,) = _tags(html, r'<nav class="language-switcher".*?</nav>')
    assert 'href="/pl/search/?q=poll" hreflang="pl" lang="pl"' in switcher
    assert "language-switcher__note" not in switcher
    assert 'rel="alternate"' not in html


# --- the helper ------------------------------------------------------------------------


def test_page_languages_costs_one_query_and_is_remembered(rf, project):
    alias = in_locale(project, "it")
    request = rf.get("/it/projects/wellbeing-poll/")
    find_site(request), Site.get_site_root_paths(), locale_codes()  # each request has these
    with CaptureQueriesContext(connection) as first:
        languages = page_languages(alias, request)
    assert languages.language == "it" and languages.content == "en" and languages.is_fallback
    assert [v.code for v in languages.translations] == ["en"]
    assert [v.code for v in languages.versions] == LANGUAGES
    assert len(first.captured_queries) == 1
    with CaptureQueriesContext(connection) as again:
        page_languages(alias, request)
    assert len(again.captured_queries) <= 1  # at most the shared cache's version read


def test_an_alias_of_an_alias_shows_the_first_pages_language(project):
    german = in_locale(project, "de")
    translate(german, title="Umfrage")
    french = in_locale(project, "fr")
    Page.objects.filter(pk=french.pk).update(alias_of=german)
    french = Page.objects.get(pk=french.pk)
    assert content_language(french) == "de"
    assert page_languages(french).content == "de"


def test_translated_listing_cards_load_in_a_fixed_number_of_queries(
    client, registry, django_assert_max_num_queries
):
    for number in range(12):
        make_project(registry, title=f"Project {number}")
    synchronise_languages()
    client.get("/de/projects/")  # warm the per-worker memos
    with django_assert_max_num_queries(30):
        response = client.get("/de/projects/")
    assert response.content.decode().count("badge--language") == 12


# --- every project in every registry --------------------------------------------------------


def test_registered_then_approved_project_appears_in_every_registry(client, people, registry):
    from tests.factories import make_draft_project

    make_project(registry, title="Older project")
    synchronise_languages()
    project = make_draft_project(registry, people["staff"], title="Study buddies")
    assert ProjectPage.objects.filter(translation_key=project.translation_key).count() == 1
    client.force_login(people["moderator"])
    response = client.post(f"/en/projects/manage/{project.pk}/publish/", {"comment": "Fine"})
    assert response.status_code == 302
    copies = ProjectPage.objects.filter(translation_key=project.translation_key).live()
    assert sorted(copies.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
    assert all(copy.alias_of_id == project.pk for copy in copies.exclude(pk=project.pk))
    client.logout()
    counts = {}
    for code in LANGUAGES:
        html = client.get(f"/{code}/projects/").content.decode()
        assert "Study buddies" in html, code
        counts[code] = _registry_numbers(html)
        if code != "en":
            (card,) = [
                c
                for c in _tags(html, r'<article class="card project-card">.*?</article>')
                if "Study buddies" in c
            ]
            assert 'lang="en"' in card and "badge--language" in card
    assert len(set(counts.values())) == 1, counts


def _registry_numbers(html):
    """The result count and every facet count, as shown."""
    total = re.search(r'<p role="status" class="results-count">\s*(\d+)', html).group(1)
    facets = re.findall(r'id="f-([a-z]+-\d+)".*?<span class="count">\((\d+)', html, re.S)
    return (total, tuple(facets))


def test_a_project_registered_in_german_is_listed_in_english_marked_german(people, registry):
    synchronise_languages()
    german_registry = in_locale(registry, "de")
    make_project(german_registry, title="Lerngruppen", slug="lerngruppen")
    english = ProjectPage.objects.get(locale__language_code="en", title="Lerngruppen")
    assert english.alias_of.locale.language_code == "de"
    assert content_language(english) == "de"


def test_a_published_translation_replaces_its_alias_in_the_registry(client, project):
    alias = in_locale(project, "nl")
    before = _registry_numbers(client.get("/nl/projects/").content.decode())
    translate(alias, title="Welzijnspeiling", summary="Een maandelijkse peiling.")
    html = client.get("/nl/projects/").content.decode()
    assert _registry_numbers(html) == before
    (card,) = _tags(html, r'<article class="card project-card">.*?</article>')
    assert "Welzijnspeiling" in card and "lang=" not in card and "badge--language" not in card
    assert ProjectPage.objects.filter(translation_key=project.translation_key).count() == 8


def test_publishing_a_translation_creates_no_second_copy(project):
    german = translate(in_locale(project, "de"), title="Umfrage")
    german.save_revision().publish()
    assert ProjectPage.objects.filter(translation_key=project.translation_key).count() == 8


def test_a_failure_to_mirror_never_stops_a_publish(registry, monkeypatch, caplog):
    synchronise_languages()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ProjectPage, "copy_for_translation", broken)
    project = make_project(registry, title="Still published")
    project.refresh_from_db()
    assert project.live
    assert "Could not create language aliases" in caplog.text


def test_sync_languages_command_mirrors_pages_published_earlier(registry):
    from django.core.management import call_command

    synchronise_languages()
    orphan = make_project(registry, title="Orphan")
    ProjectPage.objects.filter(translation_key=orphan.translation_key).exclude(
        pk=orphan.pk
    ).delete()
    call_command("sync_languages", verbosity=0)
    assert ProjectPage.objects.filter(translation_key=orphan.translation_key).count() == 8
