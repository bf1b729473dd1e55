"""Cached pages and fragments are invalidated by content events, and by nothing else.

Anonymous readers' pages stay cached while people use the site (feedback, notifications,
progress, join requests, searches, signing in); a publish, a snippet or taxonomy edit and the
other content events show at once.
"""

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.snippets.models import get_snippet_models

from hub.cache import content_labels, content_version
from hub.models import Notification, Theme
from induction.models import ModuleProgress, QuizAttempt
from knowledge.models import Feedback
from projects.joining import create_request
from projects.models import JoinRequest, ProjectMember
from search import stats
from search.models import SearchTermDay
from tests.factories import (
    build_induction,
    checklist_post,
    correct_quiz_post,
    make_guidance_index,
    make_guideline,
    make_project,
    make_resource,
    make_user,
)

pytestmark = pytest.mark.cache


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def site(home, registry, people, taxonomy):
    """A project, a guideline and an induction hub, each page cached once (miss, then hit)."""
    project = make_project(
        registry,
        title="Monthly wellbeing poll",
        staff_lead=people["staff"],
        themes=[taxonomy["themes"]["wellbeing"]],
    )
    guideline = make_guideline(make_guidance_index(home), title="Quick check-in surveys")
    induction = build_induction(home)
    resource = make_resource(title="Survey template")
    reader = Client()
    urls = [project.url, guideline.url, registry.url, home.url]
    for url in urls:
        assert reader.get(url)["X-Page-Cache"] == "miss", url
    for url in urls:
        assert reader.get(url)["X-Page-Cache"] == "hit", url
    return {
        "project": project,
        "guideline": guideline,
        "induction": induction,
        "reader": reader,
        "resource": resource,
        "urls": urls,
    }


def _all_hits(site):
    return {url: site["reader"].get(url)["X-Page-Cache"] for url in site["urls"]}


def test_what_people_do_on_the_site_leaves_cached_pages_alone(site, people):
    version = content_version()

    # An anonymous "Was this helpful?" answer.
    answer = Client(headers={"Sec-Fetch-Site": "same-origin"}).post(
        site["guideline"].url + "feedback/", {"helpful": "yes"}, REMOTE_ADDR="203.0.113.7"
    )
    assert answer.status_code == 302
    assert Feedback.objects.count() == 1

    # A join request, which notifies the project's lead; the lead reads the notification.
    create_request(people["officer"], site["project"], "I ran the halls survey last year.")
    assert JoinRequest.objects.count() == 1
    notification = Notification.objects.get(recipient=people["staff"])
    notification.read_at = timezone.now()
    notification.save()
    Notification.objects.create(recipient=people["officer"], kind="test", title="Hello")

    # An officer ticks a checklist and completes a module (a passed quiz).
    officer = Client()
    officer.force_login(site["induction"].users["alice"])
    module = site["induction"].modules["first"]
    officer.post(module.url + "progress/", checklist_post(module))
    officer.post(module.url + "progress/", correct_quiz_post(module))
    assert QuizAttempt.objects.filter(passed=True).exists()
    assert ModuleProgress.objects.filter(completed_at__isnull=False).exists()

    # Search statistics, a sign-in (session, last_login) and a failed one (django-axes).
    stats.record("wellbeing poll", "en", 3)
    assert SearchTermDay.objects.get().searches == 1
    make_user("fay@example.org", password="right-horse-battery")
    signed_in = Client()
    signed_in.post(
        "/en/accounts/login/", {"username": "fay@example.org", "password": "right-horse-battery"}
    )
    assert "_auth_user_id" in signed_in.session
    Client().post("/en/accounts/login/", {"username": "fay@example.org", "password": "wrong"})

    assert content_version() == version
    assert set(_all_hits(site).values()) == {"hit"}


def test_a_published_title_shows_at_once(site):
    project = site["project"]
    project.title = "Course feedback survey, renamed"
    project.save_revision().publish()
    response = site["reader"].get(project.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Course feedback survey, renamed" in response.content.decode()
    listing = site["reader"].get("/en/projects/").content.decode()
    assert "Course feedback survey, renamed" in listing


def _rename_theme(site):
    theme = Theme.objects.get(slug="wellbeing")
    theme.name = "Health and wellbeing"
    theme.save()
    return "Health and wellbeing", site["project"].url


def _edit_resource(site):
    resource = site["resource"]
    resource.title = "Survey template, second edition"
    resource.save()
    return None, site["guideline"].url


def _new_member(site):
    member = make_user("mina@example.org", display_name="Mina Member")
    ProjectMember.objects.create(project=site["project"], user=member)
    return "Mina Member", site["project"].url


def _rename_lead(site):
    lead = site["project"].staff_lead
    lead.display_name = "Samira Lead"
    lead.save()
    return "Samira Lead", site["project"].url


def _unpublish(site):
    site["project"].unpublish()
    return None, "/en/projects/"


def _make_private(site):
    PageViewRestriction.objects.create(
        page=site["project"], restriction_type=PageViewRestriction.LOGIN
    )
    return None, site["project"].url


def _move(site):
    site["project"].move(site["guideline"].get_parent(), pos="last-child")
    return None, "/en/projects/"


def _delete(site):
    index = site["guideline"].get_parent()
    site["guideline"].delete()
    return None, index.url


def _edit_site(site):
    Site.objects.filter(is_default_site=True).get().save()
    return None, site["project"].url


def _edit_locale(site):
    Locale.objects.get(language_code="en").save()
    return None, site["project"].url


@pytest.mark.parametrize(
    "event",
    [
        _rename_theme,
        _edit_resource,
        _new_member,
        _rename_lead,
        _unpublish,
        _make_private,
        _move,
        _delete,
        _edit_site,
        _edit_locale,
    ],
)
def test_content_events_show_at_once(site, event):
    version = content_version()
    expected, url = event(site)
    assert content_version() != version
    response = site["reader"].get(url)
    assert response.get("X-Page-Cache") != "hit"
    if expected:
        assert expected in response.content.decode()


def test_a_sign_in_alone_does_not_touch_the_cache(site, people):
    version = content_version()
    people["staff"].save(update_fields=["last_login"])
    people["staff"].set_password("another-horse-battery")
    people["staff"].save()  # no field a page shows changed
    assert content_version() == version
    assert set(_all_hits(site).values()) == {"hit"}


def test_every_snippet_model_is_a_content_model():
    labels = content_labels()
    assert {model._meta.label_lower for model in get_snippet_models()} <= labels
    assert {"hub.theme", "hub.unit", "hub.campus", "knowledge.resource"} <= labels
    assert {"wagtailimages.image", "wagtaildocs.document", "wagtailredirects.redirect"} <= labels
    assert {"projects.projectmember", "induction.manifestotracker"} <= labels
    for private in ("knowledge.feedback", "hub.notification", "projects.joinrequest"):
        assert private not in labels
    for private in ("induction.moduleprogress", "hubsearch.searchtermday", "hub.user"):
        assert private not in labels
