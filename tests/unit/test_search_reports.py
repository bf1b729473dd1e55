"""The editors' search reports: popular searches and searches with no results."""

import datetime

import pytest
from django.utils import timezone

from search.models import SearchTerm, SearchTermDay
from tests.factories import make_user

POPULAR = "/admin/reports/searches/popular/"
NO_RESULTS = "/admin/reports/searches/no-results/"


def add(term, language, days_ago, searches, no_results=0):
    search_term, _ = SearchTerm.objects.get_or_create(term=term, language=language)
    SearchTermDay.objects.create(
        term=search_term,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        searches=searches,
        no_results=no_results,
    )


@pytest.fixture
def stats(db):
    add("wellbeing", "en", 0, 5)
    add("wellbeing", "en", 3, 4, 1)
    add("wellbeing", "en", 60, 100)  # outside the default 30 days
    add("housing", "en", 1, 3, 3)
    add("wohnen", "de", 2, 2, 2)
    add("survey", "en", 10, 6)


@pytest.fixture
def editor(client, db):
    user = make_user("ed@example.org", groups=["Editors"])
    client.force_login(user)
    return user


def rows(response):
    return [
        (t.term, t.language, t.total_searches, t.total_no_results)
        for t in response.context["object_list"]
    ]


def test_popular_searches_sum_the_period_most_searched_first(client, stats, editor):
    response = client.get(POPULAR)
    assert response.status_code == 200
    assert rows(response) == [
        ("wellbeing", "en", 9, 1),
        ("survey", "en", 6, 0),
        ("housing", "en", 3, 3),
        ("wohnen", "de", 2, 2),
    ]
    response = client.get(POPULAR, {"period": "90"})
    assert rows(response)[0] == ("wellbeing", "en", 109, 1)
    response = client.get(POPULAR, {"period": "7", "language": "en"})
    assert rows(response) == [("wellbeing", "en", 9, 1), ("housing", "en", 3, 3)]


def test_searches_with_no_results_lists_only_gaps(client, stats, editor):
    response = client.get(NO_RESULTS)
    assert response.status_code == 200
    assert rows(response) == [
        ("housing", "en", 3, 3),
        ("wohnen", "de", 2, 2),
        ("wellbeing", "en", 9, 1),
    ]


def test_report_filters_search_and_bad_input(client, stats, editor):
    assert [r[0] for r in rows(client.get(POPULAR, {"q": "wohn"}))] == ["wohnen"]
    response = client.get(POPULAR, {"period": "9999", "language": "xx", "ordering": "evil"})
    assert response.status_code == 200
    response = client.get(POPULAR, {"ordering": "term"})
    assert [r[0] for r in rows(response)] == ["housing", "survey", "wellbeing", "wohnen"]


def test_report_exports_csv(client, stats, editor):
    response = client.get(POPULAR, {"export": "csv"})
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    assert "Search term" in body and "wellbeing" in body


def test_report_is_in_the_reports_menu_for_editors(client, stats, editor):
    html = client.get("/admin/").content.decode()
    assert POPULAR in html and NO_RESULTS in html


@pytest.mark.parametrize("groups", [["Staff"], ["Officers"]])
def test_others_cannot_see_the_report(client, stats, groups):
    client.force_login(make_user(groups=groups))
    for url in (POPULAR, NO_RESULTS):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"wellbeing" not in response.content
    if groups == ["Staff"]:
        assert POPULAR not in client.get("/admin/").content.decode()


def test_anonymous_readers_are_sent_to_sign_in(client, stats):
    response = client.get(POPULAR)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_moderators_can_read_the_report(client, stats):
    client.force_login(make_user(groups=["Moderators"]))
    assert client.get(NO_RESULTS).status_code == 200


def test_editors_can_manage_editors_picks(client, editor):
    assert client.get("/admin/searchpicks/").status_code == 200
    assert client.get("/admin/searchpicks/add/").status_code == 200
