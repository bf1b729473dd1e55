"""Finding guidance and resources: search, filters, sorting, pagination and bad input."""

import pytest
from wagtail.models import Locale

from knowledge.listing import GUIDANCE_PAGE_SIZE
from knowledge.models import Resource
from knowledge.resource_listing import RESOURCE_PAGE_SIZE
from tests.factories import (
    body,
    heading,
    make_document,
    make_guidance_index,
    make_guideline,
    make_resource,
    paragraph,
)

GUIDANCE = "/en/guidance/"
RESOURCES = "/en/guidance/resources/"
NASTY_QUERIES = [
    "x" * 5000,
    '" * ( ) & | ! : \\',
    "AND OR NOT",
    "\x00\x1f\u200b",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "ünïcödé 日本語",
]


@pytest.fixture
def guidance(home):
    return make_guidance_index(home)


@pytest.fixture
def guides(guidance, taxonomy):
    t = taxonomy["themes"]
    return {
        "checkins": make_guideline(
            guidance,
            title="Quick check-in surveys",
            summary="Short surveys during the term.",
            themes=[t["feedback"]],
            audiences=["staff", "learners"],
        ),
        "access": make_guideline(
            guidance,
            title="Accessibility reviews",
            summary="Rooms, materials, assessment and teaching.",
            themes=[t["accessibility"]],
            audiences=["leaders"],
            body=body(heading("Rooms"), paragraph("<p>Check the hearing loops.</p>")),
        ),
        "wellbeing": make_guideline(
            guidance,
            title="A wellbeing partnership",
            summary="Monthly polls and signposting.",
            themes=[t["wellbeing"], t["feedback"]],
            audiences=["learners"],
        ),
    }


def results(response):
    return [item.title for item in response.context["listing"].items]


def test_search_finds_guidance_by_title_summary_and_body(client, guides):
    # PostgreSQL drops "in" as a stop word, so "check" alone may also match other guidance;
    # the guideline with the words in its title must come first on every backend.
    assert results(client.get(GUIDANCE, {"q": "check-in"}))[0] == "Quick check-in surveys"
    assert results(client.get(GUIDANCE, {"q": "signposting"})) == ["A wellbeing partnership"]
    assert results(client.get(GUIDANCE, {"q": "hearing loops"})) == ["Accessibility reviews"]


def test_search_covers_guidance_only(client, guides, registry):
    from tests.factories import make_project

    make_project(registry, title="Survey of surveys", summary="Surveys everywhere.")
    assert results(client.get(GUIDANCE, {"q": "surveys"})) == ["Quick check-in surveys"]


def test_filters_by_theme_and_audience_with_counts(client, guides):
    response = client.get(GUIDANCE, {"theme": "feedback"})
    assert sorted(results(response)) == ["A wellbeing partnership", "Quick check-in surveys"]
    listing = response.context["listing"]
    audiences = {o.value: o.count for o in listing.facet("audience").options}
    assert audiences == {"staff": 1, "leaders": 0, "learners": 2, "partners": 0}
    # Within one facet values widen the results, across facets they narrow them.
    response = client.get(GUIDANCE, {"theme": ["feedback", "accessibility"], "audience": "leaders"})
    assert results(response) == ["Accessibility reviews"]
    html = response.content.decode()
    assert "1 guide" in html
    assert "remove this filter" in html


def test_unknown_filter_values_are_ignored(client, guides):
    response = client.get(
        GUIDANCE, {"theme": ["nope", "feedback"], "audience": "aliens", "sort": "sideways"}
    )
    assert response.status_code == 200
    assert sorted(results(response)) == ["A wellbeing partnership", "Quick check-in surveys"]
    assert [a[1] for a in response.context["listing"].active] == ["feedback"]


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_any_query_gives_a_normal_page(client, guides, query):
    response = client.get(GUIDANCE, {"q": query})
    assert response.status_code == 200
    assert len(response.context["listing"].query) <= 200


@pytest.mark.parametrize("page", ["abc", "-1", "0", "999999", "1.5", ""])
def test_any_page_number_gives_a_real_page(client, guidance, page):
    for number in range(GUIDANCE_PAGE_SIZE + 2):
        make_guideline(guidance, title=f"Guide {number:02d}")
    response = client.get(GUIDANCE, {"page": page, "sort": "title"})
    assert response.status_code == 200
    assert response.context["listing"].items


def test_pagination_and_sorting(client, guidance):
    for number in range(GUIDANCE_PAGE_SIZE + 3):
        make_guideline(guidance, title=f"Guide {number:02d}")
    first = client.get(GUIDANCE, {"sort": "title"})
    assert len(results(first)) == GUIDANCE_PAGE_SIZE
    assert results(first)[0] == "Guide 00"
    second = client.get(GUIDANCE, {"sort": "title", "page": 2})
    assert results(second) == ["Guide 12", "Guide 13", "Guide 14"]
    assert 'rel="next"' in first.content.decode()


def test_empty_results_offer_a_way_back(client, guides):
    response = client.get(GUIDANCE, {"q": "zebra crossings"})
    html = response.content.decode()
    assert "No guidance matches" in html
    assert "Back to all guidance" in html


def test_the_search_box_keeps_the_query(client, guides):
    html = client.get(GUIDANCE, {"q": "check-in"}).content.decode()
    assert 'value="check-in"' in html
    assert "“check-in” in guidance" in html


# --- The resource library -----------------------------------------------------------------


@pytest.fixture
def library(guidance, taxonomy):
    t = taxonomy["themes"]
    return {
        "agreement": make_resource(
            title="Partnership agreement template",
            description="An outline for a first agreement.",
            kind=Resource.Kind.TEMPLATE,
            themes=[t["feedback"]],
        ),
        "checklist": make_resource(
            title="Accessibility checklist",
            kind=Resource.Kind.CHECKLIST,
            language="fr",
            themes=[t["accessibility"]],
        ),
        "video": make_resource(
            title="Welcome video",
            kind=Resource.Kind.VIDEO,
            url="https://video.example.org/welcome",
        ),
    }


def resource_titles(response):
    return [item.title for item in response.context["library"].items]


def test_library_lists_resources_with_type_language_and_size(client, library):
    response = client.get(RESOURCES)
    assert response.status_code == 200
    assert sorted(resource_titles(response)) == [
        "Accessibility checklist",
        "Partnership agreement template",
        "Welcome video",
    ]
    html = response.content.decode()
    assert "<h1>Resource library</h1>" in html
    assert 'hreflang="fr"' in html
    assert "TXT" in html
    assert "External link" in html


def test_library_filters_combine_and_count(client, library):
    response = client.get(RESOURCES, {"type": ["template", "checklist"], "language": "en"})
    assert resource_titles(response) == ["Partnership agreement template"]
    facets = {
        f.name: {o.value: o.count for o in f.options} for f in response.context["library"].facets
    }
    assert facets["type"]["template"] == 1 and facets["type"]["video"] == 1
    assert facets["language"] == {**{code: 0 for code in facets["language"]}, "en": 1, "fr": 1}
    assert resource_titles(client.get(RESOURCES, {"theme": "accessibility"})) == [
        "Accessibility checklist"
    ]


def test_library_ignores_unknown_filter_values(client, library):
    response = client.get(
        RESOURCES, {"type": "spaceship", "language": "xx", "theme": "nope", "sort": "??"}
    )
    assert response.status_code == 200
    assert len(resource_titles(response)) == 3
    assert response.context["library"].active == []


def test_library_search(client, library):
    assert resource_titles(client.get(RESOURCES, {"q": "agreement"})) == [
        "Partnership agreement template"
    ]
    assert resource_titles(client.get(RESOURCES, {"q": "outline"})) == [
        "Partnership agreement template"
    ]


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_library_survives_any_query(client, library, query):
    assert client.get(RESOURCES, {"q": query, "page": "abc"}).status_code == 200


def test_library_paginates(client, guidance):
    for number in range(RESOURCE_PAGE_SIZE + 1):
        make_resource(title=f"Resource {number:02d}", url=f"https://example.org/{number}")
    first = client.get(RESOURCES, {"sort": "title"})
    assert len(resource_titles(first)) == RESOURCE_PAGE_SIZE
    assert resource_titles(client.get(RESOURCES, {"sort": "title", "page": 99})) == ["Resource 20"]


def test_resources_without_file_or_link_are_not_listed(client, library):
    document = library["agreement"].document
    document.delete()
    assert "Partnership agreement template" not in resource_titles(client.get(RESOURCES))


def test_library_in_another_language_prefers_translations(client, guidance, library):
    german = Locale.objects.get(language_code="de")
    guidance.get_parent().copy_for_translation(german).save_revision().publish()
    guidance_de = guidance.copy_for_translation(german)
    guidance_de.save_revision().publish()
    translated = library["agreement"].copy_for_translation(german)
    translated.title = "Vorlage Partnerschaftsvereinbarung"
    translated.save()

    response = client.get("/de/guidance/resources/")
    assert response.status_code == 200
    assert sorted(resource_titles(response)) == [
        "Accessibility checklist",
        "Vorlage Partnerschaftsvereinbarung",
        "Welcome video",
    ]


def test_resource_needs_a_file_or_a_link(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        Resource(title="Nothing", locale=Locale.get_default()).full_clean()
    with pytest.raises(ValidationError):
        make_resource(url="https://example.org/both", document=make_document())


# --- Query counts ---------------------------------------------------------------------------


def count_queries(client, address, params=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(address, params or {})  # warm caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address, params or {}).status_code == 200
    return len(queries)


def test_guidance_pages_make_the_same_queries_for_3_or_12_guides(client, guidance, taxonomy):
    themes = list(taxonomy["themes"].values())

    def add(n):
        for number in range(n):
            make_guideline(
                guidance, themes=themes[: 1 + number % 3], audiences=["staff", "learners"]
            )

    add(3)
    home_small = count_queries(client, GUIDANCE)
    list_small = count_queries(client, GUIDANCE, {"sort": "newest"})
    search_small = count_queries(client, GUIDANCE, {"q": "guideline", "theme": "feedback"})
    add(9)
    assert count_queries(client, GUIDANCE) == home_small
    assert count_queries(client, GUIDANCE, {"sort": "newest"}) == list_small
    assert count_queries(client, GUIDANCE, {"q": "guideline", "theme": "feedback"}) == search_small


def test_library_makes_the_same_queries_for_2_or_15_resources(client, guidance, taxonomy):
    themes = list(taxonomy["themes"].values())

    def add(n):
        for _ in range(n):
            make_resource(themes=themes[:2])

    add(2)
    small = count_queries(client, RESOURCES)
    add(13)
    assert count_queries(client, RESOURCES) == small
