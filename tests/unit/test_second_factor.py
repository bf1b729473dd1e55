"""Privileged powers need a session confirmed with a second factor, wherever they are used.

With ``ADMIN_2FA_REQUIRED`` on, a moderator, editor or superuser who signed in with a password
only is sent to set up (no device) or enter a code (a device) before publishing, asking for
changes, editing or seeing someone else's project, reading requests or handovers as a
moderator, or opening a report or export — and nothing changes meanwhile. Once the session is
confirmed, the same action works. Acting on one's own project or data needs no second factor.
"""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import WorkflowState

from induction.models import Handover, OfficerTerm
from knowledge.models import Feedback
from projects import joining
from projects.models import JoinRequest, ProjectPage
from search.stats import record as record_search
from tests.factories import (
    build_induction,
    make_draft_project,
    make_guidance_index,
    make_guideline,
    make_project,
    make_role,
    make_user,
    project_form_data,
)

required = override_settings(ADMIN_2FA_REQUIRED=True)
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


def confirm_session(client, user):
    """Sign in and confirm the session with a (test) authenticator app, as django-otp does."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def assert_sent_to(response, page, next_url):
    assert response.status_code == 302, response.status_code
    location = urlsplit(response["Location"])
    assert location.path == page
    assert parse_qs(location.query)["next"] == [next_url]


@pytest.fixture
def world(registry, people):
    others = make_project(
        registry,
        title="Someone else's project",
        owner=people["staff2"],
        staff_lead=people["staff2"],
        union_contact=people["officer2"],
    )
    asker = make_user("officer3@example.org", groups=["Officers"])
    people["asker"] = asker
    people["superuser"] = make_user("root@example.org", is_superuser=True)
    return {
        "others": others,
        "draft": make_draft_project(registry, people["staff2"], title="Someone's draft"),
        "request": joining.create_request(asker, others, "A private message"),
    }


def _workflow_status(page):
    state = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first()
    return state.status


# Each privileged action: (who, how, whether it took effect, what the allowed answer shows).
def _publish(client, world):
    return client.post(f"/en/projects/manage/{world['draft'].pk}/publish/")


def _published(world):
    return ProjectPage.objects.get(pk=world["draft"].pk).live


def _request_changes(client, world):
    return client.post(
        f"/en/projects/manage/{world['draft'].pk}/request-changes/", {"comment": "Say more."}
    )


def _changes_requested(world):
    return _workflow_status(world["draft"]) == WorkflowState.STATUS_NEEDS_CHANGES


def _edit_other(client, world):
    data = project_form_data(title="Edited by someone else")
    data.pop("token")
    return client.post(f"/en/projects/manage/{world['others'].pk}/edit/", data)


def _edited(world):
    return ProjectPage.objects.get(pk=world["others"].pk).get_latest_revision().object_str == (
        "Edited by someone else"
    )


def _accept_other(client, world):
    return client.post(f"/en/projects/requests/{world['request'].pk}/accept/", {"role": "Helper"})


def _accepted(world):
    return JoinRequest.objects.get(pk=world["request"].pk).state == JoinRequest.State.ACCEPTED


ACTIONS = {
    "publish": ("moderator", _publish, _published, "manage"),
    "request_changes": ("moderator", _request_changes, _changes_requested, "manage"),
    "edit_another_project": ("editor", _edit_other, _edited, "edit"),
    "answer_another_lead_request": ("superuser", _accept_other, _accepted, "request"),
}


def _return_to(kind, world):
    if kind == "manage":
        return f"/en/projects/manage/{world['draft'].pk}/"
    if kind == "edit":
        return f"/en/projects/manage/{world['others'].pk}/edit/"
    return f"/en/projects/requests/{world['request'].pk}/"


@required
@pytest.mark.parametrize("action", ACTIONS)
def test_an_unconfirmed_session_is_sent_to_set_up_and_nothing_changes(
    client, people, world, action
):
    role, act, took_effect, back = ACTIONS[action]
    client.force_login(people[role])
    response = act(client, world)
    assert_sent_to(response, SETUP, _return_to(back, world))
    assert not took_effect(world)


@required
@pytest.mark.parametrize("action", ACTIONS)
def test_a_device_without_a_confirmed_session_is_asked_for_a_code(client, people, world, action):
    role, act, took_effect, back = ACTIONS[action]
    TOTPDevice.objects.create(user=people[role], name="Authenticator app", confirmed=True)
    client.force_login(people[role])
    response = act(client, world)
    assert_sent_to(response, VERIFY, _return_to(back, world))
    assert not took_effect(world)


@required
@pytest.mark.parametrize("action", ACTIONS)
def test_a_confirmed_session_may_act(client, people, world, action):
    role, act, took_effect, _back = ACTIONS[action]
    confirm_session(client, people[role])
    response = act(client, world)
    assert response.status_code == 302
    assert "two-factor" not in response["Location"]
    assert took_effect(world)


@pytest.mark.parametrize("action", ACTIONS)
def test_a_device_the_user_turned_on_is_needed_even_when_not_required(
    client, people, world, action
):
    role, act, took_effect, back = ACTIONS[action]
    TOTPDevice.objects.create(user=people[role], name="Authenticator app", confirmed=True)
    client.force_login(people[role])
    assert_sent_to(act(client, world), VERIFY, _return_to(back, world))
    assert not took_effect(world)


# --- Reading: someone else's draft, a join request's message, handovers ----------------------

READS = {
    "another_project_dashboard": ("moderator", lambda w: f"/en/projects/manage/{w['draft'].pk}/"),
    "another_project_edit_form": (
        "editor",
        lambda w: f"/en/projects/manage/{w['others'].pk}/edit/",
    ),
    "join_request_message": ("moderator", lambda w: f"/en/projects/requests/{w['request'].pk}/"),
}
SECRETS = {
    "another_project_dashboard": "Someone&#x27;s draft",
    "another_project_edit_form": 'name="summary"',
    "join_request_message": "A private message",
}


@required
@pytest.mark.parametrize("read", READS)
def test_reading_other_peoples_data_waits_for_a_confirmed_session(client, people, world, read):
    role, url_for = READS[read]
    url = url_for(world)
    client.force_login(people[role])
    response = client.get(url)
    assert_sent_to(response, SETUP, url)
    assert SECRETS[read] not in response.content.decode()

    confirm_session(client, people[role])
    response = client.get(url)
    assert response.status_code == 200
    assert SECRETS[read] in response.content.decode()


@pytest.fixture
def handover(home):
    ind = build_induction(home)
    carol, alice = ind.users["carol"], ind.users["alice"]
    note = Handover.objects.create(
        term=ind.terms["carol"],
        author=carol,
        status=Handover.Status.SUBMITTED,
        submitted_at=datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC),
        advice="Meet the registrar before September.",
    )
    return {"handover": note, "successor": alice, "author": carol, "hub": ind.hub}


@required
def test_a_moderator_reads_a_handover_only_from_a_confirmed_session(client, handover):
    moderator = make_user("mod@example.org", groups=["Moderators"])
    url = f"/en/induction/handover/{handover['handover'].pk}/"
    client.force_login(moderator)
    response = client.get(url)
    assert_sent_to(response, SETUP, url)
    assert "Meet the registrar" not in response.content.decode()
    response = client.get("/en/induction/handover/")
    assert_sent_to(response, SETUP, "/en/induction/handover/")

    confirm_session(client, moderator)
    assert "Meet the registrar" in client.get(url).content.decode()
    listing = client.get("/en/induction/handover/").content.decode()
    assert "All submitted handovers" in listing


@required
def test_a_moderator_with_their_own_terms_keeps_their_list_but_not_everyone_elses(client, handover):
    moderator = make_user("mod@example.org", groups=["Moderators", "Officers"])
    OfficerTerm.objects.create(
        user=moderator,
        role=make_role("sports", "VP Sports", 9),
        starts_on=datetime.date(2020, 7, 1),
        ends_on=datetime.date(2021, 6, 30),
    )
    client.force_login(moderator)
    response = client.get("/en/induction/handover/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "All submitted handovers" not in html
    assert "/admin/two-factor/setup/?next=%2Fen%2Finduction%2Fhandover%2F" in html


@required
def test_own_data_needs_no_second_factor(client, people, registry, world, handover):
    # A staff member edits their own project; the officer reads their own request; the
    # successor reads their handover: none of it is privileged.
    own = make_project(
        registry, title="My own project", owner=people["staff"], staff_lead=people["staff"]
    )
    client.force_login(people["staff"])
    assert client.get(f"/en/projects/manage/{own.pk}/edit/").status_code == 200
    assert client.get(f"/en/projects/manage/{own.pk}/").status_code == 200

    client.force_login(people["asker"])
    response = client.get(f"/en/projects/requests/{world['request'].pk}/")
    assert "A private message" in response.content.decode()

    client.force_login(handover["successor"])
    response = client.get(f"/en/induction/handover/{handover['handover'].pk}/")
    assert "Meet the registrar" in response.content.decode()


@required
def test_a_moderators_own_project_shows_but_publishing_waits_for_the_code(client, people, registry):
    moderator = people["moderator"]
    draft = make_draft_project(registry, moderator, title="Moderator's own draft")
    client.force_login(moderator)
    response = client.get(f"/en/projects/manage/{draft.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Approve and publish" not in html
    assert "first confirm this sign-in with your second factor" in html
    # Saving an edit of their own project goes to review instead of being published.
    data = project_form_data(title="Moderator's own draft, edited")
    data.pop("token")
    client.post(f"/en/projects/manage/{draft.pk}/edit/", data)
    assert not ProjectPage.objects.get(pk=draft.pk).live


@required
def test_people_without_privileges_are_refused_as_before(client, people, world):
    client.force_login(people["staff"])
    assert client.get(f"/en/projects/manage/{world['draft'].pk}/").status_code == 403
    assert client.post(f"/en/projects/manage/{world['draft'].pk}/publish/").status_code == 403
    assert not _published(world)


@required
def test_the_return_address_is_never_off_site(client, people, world, rf):
    from hub.twofactor import second_factor_url

    request = rf.get("/en/projects/mine/")
    request.user = people["moderator"]
    url = second_factor_url(request, next_url="https://evil.example/")
    assert parse_qs(urlsplit(url).query)["next"] == ["/"]


# --- Reports and exports (all in the admin) ----------------------------------------------------


@pytest.fixture
def reports(home, people):
    guidance = make_guidance_index(home)
    guideline = make_guideline(
        guidance,
        title="Running a poll",
        last_reviewed=datetime.date(2019, 1, 1),
        review_by=datetime.date(2020, 1, 1),
    )
    Feedback.objects.create(page=guideline, helpful=False, comment="More examples")
    record_search("wellbeing", "en", 0)
    return guideline


def _report_urls(guideline):
    return [
        "/admin/induction/cohort/",
        "/admin/reports/searches/popular/",
        "/admin/reports/searches/no-results/",
        "/admin/reports/guidance/feedback/",
        f"/admin/reports/guidance/feedback/{guideline.pk}/",
        "/admin/reports/guidance/review-due/",
        "/admin/reports/projects-needing-a-new-lead/",
        "/admin/snippets/induction/officerterm/",
    ]


@required
@pytest.mark.parametrize("export", ["", "?export=csv", "?export=xlsx"])
def test_reports_and_exports_wait_for_a_confirmed_session(client, people, reports, export):
    editor = people["editor"]
    client.force_login(editor)
    for url in _report_urls(reports):
        response = client.get(url + export)
        assert_sent_to(response, SETUP, url + export)
    confirm_session(client, editor)
    for url in _report_urls(reports):
        response = client.get(url + export)
        assert response.status_code == 200, url
        if export == "?export=csv":
            assert response["Content-Type"].startswith("text/csv"), url
