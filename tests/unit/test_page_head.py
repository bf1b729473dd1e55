"""The page head's meta description, and pluralised screen-reader counts in the filters."""

import re

import pytest

from tests.factories import make_project

SITE_DESCRIPTION = (
    "Projects, guidance and induction for students&#x27; union officers and their partners."
)


def description(response):
    match = re.search(r'<meta name="description" content="([^"]*)">', response.content.decode())
    assert match, "no meta description"
    return match.group(1)


@pytest.mark.django_db
def test_page_description_comes_from_search_description_then_summary(client, registry):
    plain = make_project(registry, title="Plain", summary="Course feedback in week ten.")
    described = make_project(
        registry, title="Described", summary="Not this.", search_description="Use this one."
    )
    assert description(client.get(plain.url)) == "Course feedback in week ten."
    assert description(client.get(described.url)) == "Use this one."


@pytest.mark.django_db
def test_long_summary_is_cut_for_the_description(client, registry):
    project = make_project(registry, title="Long", summary="word " * 100)
    text = description(client.get(project.url))
    assert 100 < len(text) <= 160
    assert text.endswith("…")


@pytest.mark.django_db
def test_home_uses_its_intro_and_views_use_the_site_description(client, home, registry):
    assert description(client.get(home.url)) == "Welcome"
    # the registry here has no intro; the login view is no page
    assert description(client.get("/en/projects/")) == SITE_DESCRIPTION
    assert description(client.get("/en/accounts/login/")) == SITE_DESCRIPTION


@pytest.mark.django_db
def test_facet_counts_are_pluralised_for_screen_readers(client, registry, taxonomy):
    themes = taxonomy["themes"]
    make_project(registry, title="One", themes=[themes["wellbeing"], themes["feedback"]])
    make_project(registry, title="Two", themes=[themes["feedback"]])
    html = client.get("/en/projects/").content.decode()
    assert '(1<span class="visually-hidden"> project</span>)' in html
    assert '(2<span class="visually-hidden"> projects</span>)' in html


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


@pytest.mark.django_db
def test_the_site_name_is_not_said_twice_in_the_home_page_title(client, home, registry):
    home.title = "Partnership Hub"
    home.save_revision().publish()
    assert title(client.get(home.url)) == "Partnership Hub"
    home.title = "Welcome to the hub"
    home.save_revision().publish()
    assert title(client.get(home.url)) == "Welcome to the hub · Partnership Hub"
    assert title(client.get("/en/projects/")) == f"{registry.title} · Partnership Hub"
