"""Site search on the database backend: results, facets, snippets, picks, logging, spelling.

The autocomplete suggestions and the header search box are in test_search_suggestions.py.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from hub.models import HomePage
from search import spelling
from search.models import SearchTerm, SearchTermDay
from search.stats import normalise_term
from tests.factories import make_project, make_theme
from tests.site_search_helpers import search_pages

URL = "/en/search/"


def titles(response):
    return [r.page.title for r in response.context["search"].results]


@pytest.fixture
def pages(home, registry, taxonomy):
    return search_pages(home, registry, taxonomy)


def test_finds_projects_and_other_pages_in_relevance_order(client, pages):
    response = client.get(URL, {"q": "wellbeing"})
    assert response.status_code == 200
    found = titles(response)
    assert set(found) == {
        "Monthly wellbeing poll",
        "Step-free access audit",
        "End of module survey",
        "Wellbeing at a glance",
    }
    # Title matches rank above body matches.
    assert found.index("Monthly wellbeing poll") < found.index("End of module survey")
    assert "4 results" in response.content.decode()


def test_type_facet_counts_and_filter(client, pages):
    response = client.get(URL, {"q": "wellbeing"})
    facets = response.context["search"].facets
    counts = {o.value: o.count for o in facets["type"].options}
    assert counts == {"projects.projectpage": 3, "projects.projectindexpage": 1}
    labels = {o.value: o.label for o in facets["type"].options}
    assert labels["projects.projectpage"] == "Projects"

    response = client.get(URL, {"q": "wellbeing", "type": "projects.projectindexpage"})
    assert titles(response) == ["Wellbeing at a glance"]
    # The type facet still counts the other type under the same query (to widen again).
    counts = {o.value: o.count for o in response.context["search"].facets["type"].options}
    assert counts == {"projects.projectpage": 3, "projects.projectindexpage": 1}


def test_theme_facet_counts_and_filter(client, pages):
    response = client.get(URL, {"q": "wellbeing"})
    counts = {o.value: o.count for o in response.context["search"].facets["theme"].options}
    assert counts == {"wellbeing": 1, "feedback": 2, "accessibility": 1}
    response = client.get(URL, {"q": "wellbeing", "theme": "feedback"})
    assert set(titles(response)) == {"Monthly wellbeing poll", "End of module survey"}
    html = response.content.decode()
    assert re.search(r'name="theme" value="feedback"[^>]*checked', html)
    assert "remove this filter" in html


def test_filters_fold_on_phones_and_say_how_many_are_in_use(client, pages):
    """The same folding panel as the registry's: open without JavaScript, folded by the fold
    script on narrow screens, its summary counting the filters in use, a skip link before it."""
    html = client.get(URL, {"q": "wellbeing"}).content.decode()
    assert '<details class="filters" open data-collapse-on-phone>' in html
    assert 'href="#search-results-heading">Skip to results</a>' in html
    assert 'id="search-results-heading" class="visually-hidden" tabindex="-1"' in html
    assert "selected)" not in html
    html = client.get(URL, {"q": "wellbeing", "theme": ["feedback", "wellbeing"]}).content.decode()
    panel = html[html.index('<details class="filters"') :]
    summary = panel[panel.index("<summary>") : panel.index("</summary>")]
    assert "Narrow the results" in summary and "(2 selected)" in summary


def test_unknown_filter_values_are_ignored(client, pages):
    response = client.get(URL, {"q": "wellbeing", "type": "nope.nope", "theme": "<b>"})
    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert response.context["search"].selected == {}


def test_snippets_mark_the_query_words_and_escape_everything_else(client, pages, registry):
    make_project(
        registry,
        title="Script <kiddie> survey",
        summary='Wellbeing <script>alert("x")</script> & friends',
    )
    html = client.get(URL, {"q": "wellbeing"}).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "Script &lt;kiddie&gt; survey" in html
    assert "<mark>Wellbeing</mark> &lt;script&gt;" in html
    assert "Monthly <mark>wellbeing</mark> poll" in html
    # Stream field text is searchable and quoted in the snippet, without its markup.
    assert "Results feed the <mark>wellbeing</mark> review too." in html


def test_pagination_and_bad_page_numbers(client, registry, db):
    for i in range(23):
        make_project(registry, title=f"Peer mentoring scheme {i}", summary="Mentoring for all.")
    first = client.get(URL, {"q": "mentoring"})
    assert len(first.context["search"].results) == 10
    assert 'rel="next"' in first.content.decode()
    last = client.get(URL, {"q": "mentoring", "page": "3"})
    assert len(last.context["search"].results) == 3
    for bad in ("abc", "999", "-1", "0"):
        response = client.get(URL, {"q": "mentoring", "page": bad})
        assert response.status_code == 200
        assert response.context["search"].results


def test_results_are_in_the_readers_language(client, pages, site_tree):
    de = Locale.objects.get(language_code="de")
    project = pages["poll"]
    german = project.copy_for_translation(de, copy_parents=True)
    german.title = "Monatliche Umfrage zum Wohlbefinden"
    german.summary = "Eine kurze Umfrage jeden Monat."
    german.save_revision().publish()
    assert titles(client.get("/de/search/", {"q": "Wohlbefinden"})) == [german.title]
    assert titles(client.get(URL, {"q": "Wohlbefinden"})) == []
    assert german.title not in titles(client.get(URL, {"q": "Umfrage"}))


def test_unpublished_and_private_pages_are_not_found(client, pages):
    from wagtail.models import PageViewRestriction

    pages["ramps"].unpublish()
    PageViewRestriction.objects.create(
        page=pages["survey"], restriction_type=PageViewRestriction.LOGIN
    )
    assert set(titles(client.get(URL, {"q": "wellbeing"}))) == {
        "Monthly wellbeing poll",
        "Wellbeing at a glance",
    }


def test_editors_picks_come_first_once_in_the_readers_language(client, pages):
    query = Query.get("Wellbeing")
    SearchPromotion.objects.create(
        query=query, page=pages["survey"], description="Start here.", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/wellbeing",
        external_link_text="National wellbeing guide",
        sort_order=1,
    )
    response = client.get(URL, {"q": "wellbeing"})
    result = response.context["search"]
    assert [p.title for p in result.picks] == ["End of module survey", "National wellbeing guide"]
    assert "End of module survey" not in titles(response)
    html = response.content.decode()
    assert html.index("Editors’ picks") < html.index("Monthly <mark>wellbeing</mark> poll")
    assert "Start here." in html
    # Not on later pages or once filtered: they belong to the plain query.
    assert client.get(URL, {"q": "wellbeing", "theme": "feedback"}).context["search"].picks == []


def test_picks_skip_pages_that_are_not_live(client, pages):
    SearchPromotion.objects.create(query=Query.get("wellbeing"), page=pages["ramps"], sort_order=0)
    pages["ramps"].unpublish()
    assert client.get(URL, {"q": "wellbeing"}).context["search"].picks == []


def test_did_you_mean_from_known_titles(client, pages):
    response = client.get(URL, {"q": "welbeing pol"})
    result = response.context["search"]
    assert result.total == 0
    assert result.suggestion == "wellbeing poll"
    html = response.content.decode()
    assert "Did you mean:" in html
    assert 'href="/en/search/?q=wellbeing%20poll"' in html


def test_did_you_mean_vocabulary_follows_publishing(client, pages, registry):
    assert client.get(URL, {"q": "mentorign"}).context["search"].suggestion == ""
    make_project(registry, title="Peer mentoring scheme")
    assert client.get(URL, {"q": "mentorign"}).context["search"].suggestion == "mentoring"


def test_spelling_leaves_known_and_short_words_alone(pages):
    locale_id = Locale.get_default().pk
    assert spelling.suggest("wellbeing poll", locale_id) == ""
    assert spelling.suggest("an", locale_id) == ""
    assert spelling.suggest("zzzzzzzzqqq", locale_id) == ""


def test_each_new_search_is_counted_without_personal_data(client, pages):
    client.get(URL, {"q": "Wellbeing"})
    client.get(URL, {"q": "wellbeing  "})
    client.get(URL, {"q": "wellbeing", "page": "2"})  # paging is not a new search
    client.get(URL, {"q": "wellbeing", "theme": "feedback"})  # nor is narrowing
    client.get(URL, {"q": "nothing matches this"})
    client.get(URL, {"q": "anna.k@example.org 0612 345 678"})
    day = SearchTermDay.objects.get(term__term="wellbeing", term__language="en")
    assert (day.searches, day.no_results) == (2, 0)
    day = SearchTermDay.objects.get(term__term="nothing matches this")
    assert (day.searches, day.no_results) == (1, 1)
    stored = list(SearchTerm.objects.values_list("term", flat=True))
    assert "[email] [number]" in stored
    assert not any("@" in term or "345" in term for term in stored)
    # No user, session or address is stored with a term.
    assert {f.name for f in SearchTerm._meta.concrete_fields} == {"id", "term", "language"}


def test_normalise_term():
    assert normalise_term("  Wellbeing   SURVEY ") == "wellbeing survey"
    assert normalise_term("call +44 20 7946 0958 now") == "call [number] now"
    assert normalise_term("x" * 500) == "x" * 200
    assert normalise_term("year 2025") == "year 2025"


def test_empty_query_shows_the_form_only(client, pages):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["search"].results == []
    assert 'id="search-q"' in response.content.decode()
    assert not SearchTerm.objects.exists()


def test_query_count_does_not_grow_with_results(client, registry, taxonomy):
    theme = taxonomy["themes"]["wellbeing"]

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(URL, {"q": "mentoring"})
        return len(ctx)

    for i in range(3):
        make_project(registry, title=f"Mentoring {i}", themes=[theme])
    count()  # the first search of a term also creates its statistics rows (and fills caches)
    few = count()
    for i in range(3, 30):
        make_project(registry, title=f"Mentoring {i}", themes=[theme])
    count()  # publishing refreshed the page caches of the header
    assert count() == few


def test_theme_labels_are_translated(client, pages):
    de = Locale.objects.get(language_code="de")
    make_theme("feedback", name="Rückmeldung", locale=de)
    german = pages["survey"].copy_for_translation(de, copy_parents=True)
    german.title = "Modulumfrage"
    german.save_revision().publish()
    response = client.get("/de/search/", {"q": "Modulumfrage"})
    labels = {o.value: o.label for o in response.context["search"].facets["theme"].options}
    assert labels == {"feedback": "Rückmeldung"}


def test_home_page_model_is_searchable_too(client, home):
    home.intro = "A place for unions and colleges."
    home.save_revision().publish()
    assert HomePage.objects.count() == 1
    assert titles(client.get(URL, {"q": "colleges"})) == ["Home"]


def test_guidance_is_found_with_projects_and_shares_their_themes(client, pages, home, taxonomy):
    from tests.factories import make_guidance_index, make_guideline

    index = make_guidance_index(home)
    make_guideline(
        index,
        title="Running a wellbeing check-in",
        summary="How to ask students how they are doing, and act on it.",
        themes=[taxonomy["themes"]["wellbeing"]],
    )
    response = client.get(URL, {"q": "wellbeing"})
    search = response.context["search"]
    types = {o.value: (o.label, o.count) for o in search.facets["type"].options}
    assert types["knowledge.guidelinepage"][1] == 1
    assert types["projects.projectpage"][1] == 3
    themes = {o.value: o.count for o in search.facets["theme"].options}
    assert themes["wellbeing"] == 2  # one project, one guideline
    response = client.get(URL, {"q": "wellbeing", "type": "knowledge.guidelinepage"})
    assert titles(response) == ["Running a wellbeing check-in"]
    result = response.context["search"].results[0]
    assert result.theme_labels == ["Wellbeing"]
    assert "ask students how they are doing" in result.snippet


def test_results_pages_are_not_kept_by_the_page_cache(client, pages, settings):
    settings.PAGE_CACHE_SECONDS = 300
    for _ in range(2):
        response = client.get(URL, {"q": "wellbeing"})
        assert "private" in response["Cache-Control"]
        assert response.get("X-Page-Cache") != "hit"
    day = SearchTermDay.objects.get(term__term="wellbeing")
    assert day.searches == 2  # both searches counted
    # The empty search form is cached like any other page (the cache is on).
    assert client.get(URL)["X-Page-Cache"] == "miss"
    assert client.get(URL)["X-Page-Cache"] == "hit"
