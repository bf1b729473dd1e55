"""The template tags every listing's pagination and facet panel use: links to another page of
the same search, and the screen-reader noun after each facet count."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from hub.templatetags.hub_tags import count_noun, url_with_page


def _url(query, number, param=""):
    request = RequestFactory().get("/en/projects/" + query)
    return url_with_page({"request": request}, number, param)


@pytest.mark.parametrize(
    ("query", "number", "param", "expected"),
    [
        ("", 2, "", "/en/projects/?page=2"),
        # The page replaced where it stands; the other parameters kept, in their order.
        ("?q=survey&page=3&theme=a&theme=b", 4, "", "?q=survey&page=4&theme=a&theme=b"),
        ("?theme=a&theme=b&sort=title", 2, "", "?theme=a&theme=b&sort=title&page=2"),
        # A repeated page parameter gives one.
        ("?page=2&q=x&page=9", 5, "", "?page=5&q=x"),
        # One of several lists paginated side by side: only its own parameter changes.
        ("?page=2&asked=3", 4, "asked", "?page=2&asked=4"),
        # Words are encoded as a form would send them.
        (
            "?q=Vereinbarungen+%C3%BCber+%26+mehr",
            2,
            "",
            "?q=Vereinbarungen+%C3%BCber+%26+mehr&page=2",
        ),
    ],
)
def test_a_page_link_keeps_the_search(query, number, param, expected):
    url = _url(query, number, param)
    assert url.endswith(expected)
    assert url.startswith("/en/projects/?")


def test_a_page_link_matches_what_a_copied_query_dict_gives():
    request = RequestFactory().get("/en/projects/?q=a+b&page=1&status=active&status=paused")
    params = request.GET.copy()
    params["page"] = 7
    assert url_with_page({"request": request}, 7) == f"{request.path}?{params.urlencode()}"


@pytest.mark.parametrize(
    ("language", "count", "kind", "expected"),
    [
        ("en", 1, "projects", "project"),
        ("en", 3, "projects", "projects"),
        ("de", 1, "resources", "Ressource"),
        ("de", 3, "resources", "Ressourcen"),
        ("pl", 2, "projects", "projekty"),
        ("pl", 5, "projects", "projektów"),
        ("en", 2, "no-such-kind", "results"),
    ],
)
def test_count_nouns_follow_the_readers_language_and_plural(language, count, kind, expected):
    with translation.override(language):
        assert count_noun(count, kind) == expected


def test_one_template_gives_each_language_its_own_noun():
    template = Template("{% load hub_tags %}{% count_noun n 'projects' %}")
    answers = []
    for language in ("en", "de", "en", "de"):
        with translation.override(language):
            answers.append(template.render(Context({"n": 2})))
    assert answers == ["projects", "Projekte", "projects", "Projekte"]
