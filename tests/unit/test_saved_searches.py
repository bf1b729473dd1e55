"""Saving a registry search, managing saved searches, and unsubscribing from an alert."""

import pytest
from django.core import signing
from django.test import Client

from projects import saved_searches
from projects.models import SavedSearch
from tests.factories import make_user

SAVE = "/en/projects/alerts/save/"


@pytest.fixture
def reader(db):
    return make_user("reader@example.org", first_name="Rea")


@pytest.fixture
def other(db):
    return make_user("other@example.org", first_name="Oth")


def saved(owner, query="q=wellbeing", name="wellbeing", **fields):
    return SavedSearch.objects.create(
        owner=owner, query=query, name=name, language="en", frequency="weekly", **fields
    )


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


# --- Saving ----------------------------------------------------------------------------------


def test_saving_keeps_the_query_and_known_filters_without_sort_or_page(
    client, registry, taxonomy, reader
):
    client.force_login(reader)
    search = "q=wellbeing&sort=title&page=3&theme=wellbeing&theme=no-such-theme&lang=all"
    response = client.post(SAVE, {"search": search, "frequency": "daily"})
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/?q=wellbeing&theme=wellbeing&lang=all"
    (saved_search,) = SavedSearch.objects.all()
    assert saved_search.owner == reader
    assert saved_search.query == "q=wellbeing&theme=wellbeing&lang=all"
    assert saved_search.language == "en"
    assert saved_search.frequency == "daily"
    assert saved_search.name.startswith("wellbeing, ")
    page = client.get(response["Location"])
    assert any("Search saved" in message for message in messages_of(page))


def test_saving_the_same_search_again_changes_its_frequency_only(client, registry, reader):
    client.force_login(reader)
    client.post(SAVE, {"search": "q=poll", "frequency": "daily"})
    client.post(SAVE, {"search": "sort=newest&q=poll", "frequency": "weekly"})
    (saved_search,) = SavedSearch.objects.all()
    assert saved_search.frequency == "weekly"


def test_an_empty_search_is_saved_as_all_projects(client, registry, reader):
    client.force_login(reader)
    client.post(SAVE, {"frequency": "weekly"})
    assert SavedSearch.objects.get().name == "All projects"


@pytest.mark.parametrize("frequency", ["", "hourly", "daily\x00"])
def test_a_bad_frequency_saves_nothing_and_says_why(client, registry, reader, frequency):
    client.force_login(reader)
    response = client.post(SAVE, {"search": "q=poll", "frequency": frequency}, follow=True)
    assert response.status_code == 200
    assert "Choose daily or weekly e-mails." in messages_of(response)
    assert not SavedSearch.objects.exists()


def test_hostile_search_strings_never_fail(client, registry, reader):
    client.force_login(reader)
    for search in ["q=" + "x" * 5000, "%zz&&==&theme", "q=\x00", "page=-1&sort=<script>"]:
        response = client.post(SAVE, {"search": search, "frequency": "daily"})
        assert response.status_code in (302, 400)
    assert all(len(s.query) <= 2000 for s in SavedSearch.objects.all())


def test_over_the_limit_nothing_is_saved_and_the_reader_is_told(client, registry, reader):
    for number in range(saved_searches.LIMIT):
        saved(reader, query=f"q=word{number}")
    client.force_login(reader)
    response = client.post(SAVE, {"search": "q=one-more", "frequency": "daily"}, follow=True)
    assert "You can save up to 20 searches" in " ".join(messages_of(response))
    assert SavedSearch.objects.count() == saved_searches.LIMIT
    assert not SavedSearch.objects.filter(query="q=one-more").exists()


def test_signed_out_readers_are_sent_to_sign_in_and_back_to_the_search(client, registry):
    response = client.post(SAVE, {"search": "q=poll&sort=title", "frequency": "daily"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    assert "q%3Dpoll" in response["Location"]
    assert not SavedSearch.objects.exists()


def test_saving_needs_the_csrf_token(registry, reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    response = client.post(SAVE, {"search": "q=poll", "frequency": "daily"})
    assert response.status_code == 403
    assert not SavedSearch.objects.exists()


def test_saving_is_post_only(client, registry, reader):
    client.force_login(reader)
    assert client.get(SAVE, {"search": "q=poll", "frequency": "daily"}).status_code == 405
    assert not SavedSearch.objects.exists()


def test_the_registry_offers_to_save_the_search_or_to_sign_in(client, registry, reader):
    html = client.get("/en/projects/", {"q": "poll"}).content.decode()
    assert "/en/accounts/login/?next=/en/projects/%3Fq%3Dpoll" in html
    assert 'action="/en/projects/alerts/save/"' not in html
    client.force_login(reader)
    html = client.get("/en/projects/", {"q": "poll"}).content.decode()
    assert 'action="/en/projects/alerts/save/"' in html
    assert '<input type="hidden" name="search" value="q=poll">' in html
    assert "<legend>E-mail me new projects that match this search</legend>" in html


# --- Managing from "My projects" ----------------------------------------------------------


def test_my_projects_lists_only_my_saved_searches_with_links_back(
    client, registry, reader, other, django_assert_max_num_queries
):
    for number in range(5):
        saved(reader, query=f"q=mine{number}", name=f"mine {number}")
    saved(other, query="q=theirs", name="theirs")
    client.force_login(reader)
    client.get("/en/projects/mine/")  # warm the per-process memos
    with django_assert_max_num_queries(30):
        html = client.get("/en/projects/mine/").content.decode()
    assert 'href="/en/projects/?q=mine3"' in html
    assert "theirs" not in html
    assert 'id="saved-searches"' in html


def test_changing_the_frequency_of_my_search(client, registry, reader):
    search = saved(reader)
    client.force_login(reader)
    response = client.post(f"/en/projects/alerts/{search.pk}/", {"frequency": "daily"})
    assert response.status_code == 302
    search.refresh_from_db()
    assert search.frequency == "daily"
    response = client.post(f"/en/projects/alerts/{search.pk}/", {"frequency": "x"}, follow=True)
    assert "Choose daily or weekly e-mails." in messages_of(response)
    search.refresh_from_db()
    assert search.frequency == "daily"


def test_another_persons_saved_search_is_not_found(client, registry, reader, other):
    theirs = saved(other)
    client.force_login(reader)
    base = f"/en/projects/alerts/{theirs.pk}/"
    assert client.post(base, {"frequency": "daily"}).status_code == 404
    assert client.get(base + "delete/").status_code == 404
    assert client.post(base + "delete/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.frequency == "weekly"


def test_deleting_asks_first_then_deletes_on_post(client, registry, reader):
    search = saved(reader)
    client.force_login(reader)
    url = f"/en/projects/alerts/{search.pk}/delete/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Delete this saved search?" in response.content.decode()
    assert SavedSearch.objects.filter(pk=search.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not SavedSearch.objects.filter(pk=search.pk).exists()


def test_managing_needs_a_sign_in(client, registry, reader):
    search = saved(reader)
    response = client.post(f"/en/projects/alerts/{search.pk}/delete/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert SavedSearch.objects.filter(pk=search.pk).exists()


# --- Unsubscribing without signing in -----------------------------------------------------


def unsubscribe_url(token):
    return f"/en/projects/alerts/unsubscribe/{token}/"


def test_get_only_asks_and_post_unsubscribes(client, registry, reader):
    search = saved(reader)
    url = unsubscribe_url(saved_searches.unsubscribe_token(search))
    response = client.get(url)
    assert response.status_code == 200
    assert "Stop these e-mails?" in response.content.decode()
    assert SavedSearch.objects.filter(pk=search.pk).exists()  # a mail scanner's GET: no change
    response = client.post(url)
    assert response.status_code == 200
    assert "You have unsubscribed" in response.content.decode()
    assert not SavedSearch.objects.filter(pk=search.pk).exists()


def test_one_click_unsubscribe_works_without_a_csrf_token(registry, reader):
    search = saved(reader)
    client = Client(enforce_csrf_checks=True)
    url = unsubscribe_url(saved_searches.unsubscribe_token(search))
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not SavedSearch.objects.exists()


def test_a_forged_token_is_refused_and_changes_nothing(client, registry, reader):
    search = saved(reader)
    token = saved_searches.unsubscribe_token(search)
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    unsigned = signing.dumps({"s": search.pk, "u": reader.pk, "k": search.key.hex}, salt="x")
    for bad in [forged, unsigned, "nonsense", "a" * 600]:
        for method in (client.get, client.post):
            response = method(unsubscribe_url(bad))
            assert response.status_code == 400
            assert "This unsubscribe link is not valid" in response.content.decode()
    assert SavedSearch.objects.filter(pk=search.pk).exists()


def test_a_token_cannot_be_turned_to_another_persons_search(client, registry, reader, other):
    mine, theirs = saved(reader), saved(other)
    # A token naming their search with my id (or my key) is not a token of theirs.
    for payload in [
        {"s": theirs.pk, "u": reader.pk, "k": theirs.key.hex},
        {"s": theirs.pk, "u": other.pk, "k": mine.key.hex},
    ]:
        token = signing.dumps(payload, salt=saved_searches.TOKEN_SALT)
        assert client.post(unsubscribe_url(token)).status_code == 404
    assert SavedSearch.objects.count() == 2


def test_a_token_is_not_replayed_after_its_search_was_deleted(client, registry, reader):
    search = saved(reader)
    token = saved_searches.unsubscribe_token(search)
    pk = search.pk
    assert client.post(unsubscribe_url(token)).status_code == 200
    response = client.post(unsubscribe_url(token))
    assert response.status_code == 404
    assert "This saved search no longer exists" in response.content.decode()
    # Even when the database hands the same id to a new search of the same person.
    reused = saved(reader, pk=pk, query="q=other")
    assert client.post(unsubscribe_url(token)).status_code == 404
    assert SavedSearch.objects.filter(pk=reused.pk).exists()


# --- Personal data --------------------------------------------------------------------------


def test_saved_searches_are_in_the_data_export_and_erased_with_the_person(reader, other):
    from projects import personal

    saved(reader, query="q=poll", name="poll")
    saved(other, query="q=theirs")
    exported = personal.export(reader)["saved_searches"]
    assert [(s["name"], s["search"]) for s in exported] == [("poll", "q=poll")]
    personal.erase(reader)
    assert list(SavedSearch.objects.values_list("owner", flat=True)) == [other.pk]
