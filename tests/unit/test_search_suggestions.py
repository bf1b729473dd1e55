"""Site-search suggestions: the autocomplete JSON and the header search box that uses it."""

import json
import re

import pytest

from tests.factories import make_project
from tests.site_search_helpers import search_pages
from tests.support.csp import without_allowed_inline_scripts

SUGGEST = "/en/search/suggest/"


@pytest.fixture
def pages(home, registry, taxonomy):
    return search_pages(home, registry, taxonomy)


def test_suggestions_complete_partial_words(client, pages):
    response = client.get(SUGGEST, {"q": "wellb"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    found = {r["title"] for r in data["results"]}
    assert "Monthly wellbeing poll" in found
    assert "Wellbeing at a glance" in found
    poll = next(r for r in data["results"] if r["title"] == "Monthly wellbeing poll")
    assert poll["url"] == pages["poll"].url
    assert poll["type"] == "Project"
    assert data["message"].startswith(f"{len(data['results'])} suggestion")
    assert "max-age=60" in response["Cache-Control"]


def test_suggestions_need_two_characters_and_stay_in_language(client, pages):
    assert json.loads(client.get(SUGGEST, {"q": "w"}).content)["results"] == []
    assert json.loads(client.get(SUGGEST).content) == {
        "query": "",
        "results": [],
        "message": "",
        "degraded": False,
    }
    data = json.loads(client.get(SUGGEST, {"q": "zzzz"}).content)
    assert data["results"] == [] and data["message"] == "No suggestions."
    assert json.loads(client.get("/de/search/suggest/", {"q": "wellb"}).content)["results"] == []


def test_suggestions_are_capped(client, registry, db):
    for i in range(12):
        make_project(registry, title=f"Mentoring circle {i}")
    assert len(json.loads(client.get(SUGGEST, {"q": "mento"}).content)["results"]) == 8


def test_suggestions_only_answer_get(client, db):
    assert client.post(SUGGEST, {"q": "abc"}).status_code == 405


# --- The header search box -------------------------------------------------------------------


def test_header_search_box_is_enhanced_by_an_external_deferred_script(client, home):
    html = client.get("/en/").content.decode()
    assert re.search(r'<script src="/static/js/autocomplete\.js" defer></script>', html)
    assert 'data-suggest-url="/en/search/suggest/"' in html
    # Without JavaScript it is a plain GET form to the search page.
    assert re.search(
        r'<form class="header-search" role="search" aria-label="Site search" action="/en/search/"',
        html,
    )
    # no inline scripts but the CSP-hashed phone fold
    assert not re.search(r"<script(?![^>]*\bsrc=)", without_allowed_inline_scripts(html))
    assert " style=" not in html


def test_autocomplete_script_is_csp_safe():
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "static/js/autocomplete.js").read_text()
    for forbidden in ("eval(", "new Function", "innerHTML", ".style.", 'setAttribute("style'):
        assert forbidden not in source
    for needed in (
        '"combobox"',
        '"listbox"',
        '"option"',
        "aria-expanded",
        "aria-activedescendant",
        "aria-controls",
        "aria-live",
        "Escape",
        "ArrowDown",
        "ArrowUp",
    ):
        assert needed in source
