"""Searches in the registry and the guidance listings count in the search reports too."""

import pytest
from django.db.models import Sum
from django.test import override_settings
from django.urls import reverse

from knowledge.models import KnowledgeIndexPage
from search.models import SearchTermDay
from tests.factories import make_page, make_project, make_user

pytestmark = pytest.mark.cache


def searches(term):
    totals = SearchTermDay.objects.filter(term__term=term).aggregate(
        searches=Sum("searches"), no_results=Sum("no_results")
    )
    return totals["searches"] or 0, totals["no_results"] or 0


@pytest.fixture
def page_cache():
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


def test_every_new_registry_search_is_counted_even_with_the_page_cache(
    client, registry, page_cache
):
    make_project(registry, title="Monthly wellbeing poll")
    for _ in range(3):
        assert client.get("/en/projects/?q=wellbeing").status_code == 200
    client.get("/en/projects/?q=zzyzx")
    assert searches("wellbeing") == (3, 0)
    assert searches("zzyzx") == (1, 1)


def test_filtered_or_later_pages_are_not_new_searches(client, registry):
    make_project(registry, title="Monthly wellbeing poll")
    client.get("/en/projects/?q=wellbeing&status=active")
    client.get("/en/projects/?q=wellbeing&page=2")
    client.get("/en/projects/?q=wellbeing&sort=title")
    client.get("/en/projects/")
    assert searches("wellbeing") == (0, 0)


def test_guidance_search_is_counted(client, home):
    make_page(home, KnowledgeIndexPage, title="Guidance", slug="guidance")
    client.get("/en/guidance/?q=agreement")
    assert searches("agreement") == (1, 1)


def test_last_searched_is_a_date_not_a_relative_time(client, registry):
    client.get("/en/projects/?q=wellbeing")
    admin = make_user("admin@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get(reverse("hubsearch_reports:popular")).content.decode()
    assert "wellbeing" in html
    assert " ago" not in html


@pytest.mark.django_db
def test_a_term_searched_again_today_costs_one_update(django_assert_num_queries):
    from search.stats import record

    record("Wellbeing  Survey", "en", 3)
    record("wellbeing survey", "de", 0)  # another language: its own counter
    with django_assert_num_queries(1):
        record("wellbeing survey", "en", 0)
    assert searches("wellbeing survey") == (3, 2)
    en = SearchTermDay.objects.get(term__term="wellbeing survey", term__language="en")
    assert (en.searches, en.no_results) == (2, 1)
