"""'Was this helpful?': anonymous, one answer per reader and day, per-client limits, no
session, refused cross-site."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client

from hub.models import RateCounter
from knowledge.models import Feedback
from tests.factories import make_guidance_index, make_guideline

# A browser on the page itself: browsers send Sec-Fetch-Site (or at least Origin) with a POST.
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}

pytestmark = pytest.mark.cache


@pytest.fixture
def client():
    return Client(headers=SAME_ORIGIN)


@pytest.fixture
def page(home):
    return make_guideline(make_guidance_index(home), title="Quick check-in surveys")


def url(page):
    return page.url + "feedback/"


def test_form_is_shown_with_its_labels(client, page):
    html = client.get(page.url).content.decode()
    assert f'action="{url(page)}"' in html
    assert 'name="csrfmiddlewaretoken"' not in html  # so the page stays cacheable
    assert '<legend><h2 id="feedback-heading">Was this helpful?</h2></legend>' in html
    assert '<label for="feedback-helpful-yes">Yes</label>' in html
    assert '<label for="feedback-comment">' in html


def test_a_yes_is_recorded_and_the_reader_thanked(client, page):
    response = client.post(url(page), {"helpful": "yes", "comment": ""})
    assert response.status_code == 302
    assert response["Location"] == page.url + "#feedback"
    answer = Feedback.objects.get()
    assert answer.page_id == page.pk and answer.helpful is True and answer.comment == ""
    html = client.get(page.url).content.decode()
    assert "Thank you for your feedback" in html
    assert "you have already told us" in html
    assert "data-feedback-form" not in html


def test_a_no_with_a_comment_is_recorded_tidily(client, page):
    client.post(url(page), {"helpful": "no", "comment": "  More\u200b examples\x07 please\x1b\n "})
    answer = Feedback.objects.get()
    assert answer.helpful is False
    assert answer.comment == "More examples please"


def test_a_comment_with_null_characters_is_refused(client, page):
    response = client.post(url(page), {"helpful": "no", "comment": "bad\x00byte"})
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    assert not Feedback.objects.exists()


def test_nothing_personal_is_stored(client, django_user_model, page):
    user = django_user_model.objects.create_user(email="reader@example.org", password="x-y-z-123")
    client.force_login(user)
    client.post(url(page), {"helpful": "yes", "comment": "Fine"}, REMOTE_ADDR="203.0.113.9")
    fields = {field.name for field in Feedback._meta.get_fields()}
    assert fields == {"id", "page", "helpful", "comment", "created_on"}
    stored = Feedback.objects.values().get()
    assert "203.0.113.9" not in str(stored)
    assert str(user.pk) not in {str(v) for k, v in stored.items() if k not in ("id", "page_id")}
    session_key = client.session.session_key
    assert session_key not in str(stored)


@pytest.mark.parametrize(
    "data",
    [{}, {"helpful": "maybe"}, {"helpful": ""}, {"helpful": "YES"}, {"comment": "Only this"}],
)
def test_invalid_answers_are_refused_and_nothing_is_stored(client, page, data):
    response = client.post(url(page), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose yes or no." in html
    assert 'href="#feedback-helpful-yes"' in html
    assert 'aria-invalid="true"' in html
    assert not Feedback.objects.exists()


def test_an_overlong_comment_is_refused_but_kept_for_the_reader(client, page):
    comment = "This guide helped. " * 60
    response = client.post(url(page), {"helpful": "yes", "comment": comment})
    assert response.status_code == 400
    html = response.content.decode()
    assert "1,000 characters or fewer" in html
    assert "This guide helped." in html  # what they typed is still in the textarea
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {},  # a browser always says where a POST comes from; no word means no
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},  # a sibling sub-domain is another site here
        {"HTTP_ORIGIN": "https://attacker.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
    ],
)
def test_a_cross_site_post_is_refused(page, headers):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(url(page), {"helpful": "yes"}, **headers)
    assert response.status_code == 403
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "headers", [{"HTTP_SEC_FETCH_SITE": "same-origin"}, {"HTTP_ORIGIN": "http://testserver"}]
)
def test_a_post_from_the_page_itself_needs_no_token(page, headers):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(url(page), {"helpful": "yes"}, **headers)
    assert response.status_code == 302
    assert Feedback.objects.count() == 1


def test_a_post_that_names_no_origin_is_refused(page):
    # Not a browser on this site (browsers send Sec-Fetch-Site or Origin with a POST).
    response = Client().post(url(page), {"helpful": "yes"})
    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_a_post_with_a_csrf_token_is_accepted_too(page):
    from django.middleware.csrf import _get_new_csrf_string

    browser = Client(enforce_csrf_checks=True)
    token = _get_new_csrf_string()
    browser.cookies["csrftoken"] = token
    response = browser.post(
        url(page),
        {"helpful": "no", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 302
    assert Feedback.objects.get().helpful is False


def test_other_posts_still_need_their_csrf_token(page, people):
    browser = Client(enforce_csrf_checks=True)
    same_origin = {"HTTP_SEC_FETCH_SITE": "same-origin"}
    # the guideline itself (a routable page's other view), and a signed-in form elsewhere
    response = browser.post(page.url, {"helpful": "yes"}, **same_origin)
    assert response.status_code == 403
    assert "403_csrf.html" in [t.name for t in response.templates]  # the CSRF failure page
    browser.force_login(people["staff"])
    response = browser.post("/en/projects/register/", {"title": "x"}, **same_origin)
    assert response.status_code == 403
    assert "403_csrf.html" in [t.name for t in response.templates]


def test_the_guideline_is_kept_by_the_anonymous_page_cache(page, settings):
    settings.PAGE_CACHE_SECONDS = 300
    browser = Client(headers=SAME_ORIGIN)
    assert browser.get(page.url)["X-Page-Cache"] == "miss"
    assert browser.get(page.url)["X-Page-Cache"] == "hit"


def _from(address):
    return {"REMOTE_ADDR": address}


def test_one_answer_per_reader_and_day(client, page):
    client.post(url(page), {"helpful": "yes"})
    response = client.post(url(page), {"helpful": "no", "comment": "Changed my mind"})
    assert response.status_code == 302
    assert Feedback.objects.count() == 1
    # Another reader, at another address, may answer too.
    Client(headers=SAME_ORIGIN).post(url(page), {"helpful": "no"}, **_from("198.51.100.7"))
    assert Feedback.objects.count() == 2


def test_dropping_cookies_does_not_buy_more_votes(page):
    """The report: 36 cookie-less POSTs stored 30 votes."""
    statuses = [
        Client(headers=SAME_ORIGIN)
        .post(url(page), {"helpful": "no"}, **_from("203.0.113.50"))
        .status_code
        for _ in range(36)
    ]
    assert Feedback.objects.count() == 1
    assert statuses[0] == 302
    assert set(statuses[1:]) <= {302, 409, 429}


def test_signed_in_readers_count_as_themselves_not_their_address(page, people):
    for person in ("officer", "staff"):
        browser = Client(headers=SAME_ORIGIN)
        browser.force_login(people[person])
        browser.post(url(page), {"helpful": "yes"}, **_from("203.0.113.60"))
        browser.post(url(page), {"helpful": "no"}, **_from("203.0.113.61"))
    assert Feedback.objects.count() == 2


def test_anonymous_feedback_writes_no_session(page, settings):
    settings.KNOWLEDGE_FEEDBACK_LIMITS = {"client": (3, 600)}
    for data in [{"helpful": "yes"}, {"helpful": "maybe"}, {"helpful": "no"}] * 3:
        Client(headers=SAME_ORIGIN).post(url(page), data, **_from("203.0.113.70"))
    Client(headers=SAME_ORIGIN).post(
        url(page), {"helpful": "yes"}, headers={"Accept": "application/json"}
    )
    assert Feedback.objects.count() == 2
    assert Session.objects.count() == 0


def test_the_limits_count_in_the_database_under_digests_only(page):
    Client(headers=SAME_ORIGIN).post(url(page), {"helpful": "yes"}, **_from("203.0.113.80"))
    keys = list(RateCounter.objects.values_list("key", flat=True))
    assert len([key for key in keys if key.startswith("knowledge:feedback")]) == 2
    assert not any("203.0.113.80" in key or "203-0-113" in key for key in keys)
    cache.clear()  # cache churn (eviction, a restart of the cache) resets nothing
    again = Client(headers=SAME_ORIGIN).post(url(page), {"helpful": "no"}, **_from("203.0.113.80"))
    assert again.status_code == 302
    assert Feedback.objects.filter(page=page).count() == 1


def test_an_answered_page_is_not_kept_in_the_page_cache_for_others(page, settings):
    settings.PAGE_CACHE_SECONDS = 300
    Client(headers=SAME_ORIGIN).post(url(page), {"helpful": "yes"}, **_from("203.0.113.90"))
    mine = Client(headers=SAME_ORIGIN).get(page.url, **_from("203.0.113.90"))
    assert "you have already told us" in mine.content.decode()
    assert mine.get("X-Page-Cache") is None  # neither looked up nor stored (ours alone)
    other = Client(headers=SAME_ORIGIN).get(page.url, **_from("198.51.100.9"))
    assert other["X-Page-Cache"] == "miss"
    assert "data-feedback-form" in other.content.decode()
    assert (
        Client(headers=SAME_ORIGIN).get(page.url, **_from("198.51.100.10"))["X-Page-Cache"] == "hit"
    )


def test_json_answers_for_the_script(client, page):
    headers = {"Accept": "application/json"}
    response = client.post(url(page), {"helpful": "maybe"}, headers=headers)
    assert response.status_code == 400
    assert response.json()["errors"]["helpful"] == ["Choose yes or no."]
    response = client.post(url(page), {"helpful": "yes"}, headers=headers)
    assert response.status_code == 200
    assert response.json()["status"] == "thanks"
    response = client.post(url(page), {"helpful": "yes"}, headers=headers)
    assert response.status_code == 409
    assert response.json()["status"] == "already"
    assert Feedback.objects.count() == 1


def test_a_client_that_floods_is_slowed_down(client, home, settings):
    settings.KNOWLEDGE_FEEDBACK_LIMITS = {"client": (3, 600)}
    guidance = make_guidance_index(home)
    pages = [make_guideline(guidance) for _ in range(5)]
    statuses = [client.post(url(p), {"helpful": "yes"}).status_code for p in pages]
    assert statuses == [302, 302, 302, 429, 429]
    assert Feedback.objects.count() == 3
    response = client.post(url(pages[4]), {"helpful": "yes", "comment": "Still here"})
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "a lot of feedback" in html
    assert "Still here" in html  # nothing the reader typed is lost
    response = Client(headers=SAME_ORIGIN).post(
        url(pages[4]), {"helpful": "no"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 429
    assert response.json()["status"] == "busy"


def test_one_client_cannot_switch_feedback_off_for_others(home, settings):
    """The report: the site-wide budget could be used up, then a genuine reader got 429."""
    # "page" and "site" were budgets shared by everyone: the flood below would exhaust them.
    settings.KNOWLEDGE_FEEDBACK_LIMITS = {"client": (5, 600), "page": (10, 600), "site": (30, 600)}
    guidance = make_guidance_index(home)
    pages = [make_guideline(guidance) for _ in range(3)]
    json = {"Accept": "application/json"}
    flooder = [
        Client(headers=SAME_ORIGIN).post(
            url(p), {"helpful": "no"}, headers=json, **_from("203.0.113.99")
        )
        for p in pages * 20
    ]
    assert [r.status_code for r in flooder[:6]] == [200, 200, 200, 409, 409, 429]
    genuine = [
        Client(headers=SAME_ORIGIN)
        .post(url(p), {"helpful": "yes"}, **_from(f"198.51.100.{n}"))
        .status_code
        for n in range(1, 41)
        for p in pages[:1]
    ]
    assert genuine == [302] * 40
    assert Feedback.objects.filter(helpful=True).count() == 40


def test_get_on_the_feedback_address_goes_back_to_the_page(client, page):
    response = client.get(url(page))
    assert response.status_code == 302
    assert response["Location"] == page.url + "#feedback"
    assert client.put(url(page)).status_code == 405


def test_feedback_on_an_unpublished_page_is_not_possible(client, page):
    page.unpublish()
    assert client.post(url(page), {"helpful": "yes"}).status_code == 404
    assert not Feedback.objects.exists()
