"""The writes officers make while others read (bench/mixed.py): each a bounded number of
queries, no notification rendered on the request, and the page cache left alone."""

import pytest
from django.test import Client, override_settings
from django_tasks import default_task_backend

from hub.models import Notification
from hub.notifications import notify_each
from hub.tasks import send_notifications
from induction.models import ChecklistTick, ModuleProgress, ProgrammeCompletion
from knowledge.models import Feedback
from projects.models import JoinRequest
from tests.factories import (
    build_induction,
    checklist_post,
    correct_quiz_post,
    make_guidance_index,
    make_guideline,
    make_project,
)

QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def induction(home):
    return build_induction(home)


@pytest.fixture
def project(registry, people):
    return make_project(
        registry,
        title="Monthly wellbeing poll",
        staff_lead=people["staff"],
        union_contact=people["officer2"],
        how_officers_can_help="Promote the poll in halls.",
    )


def _progress_url(module):
    return module.url + "progress/"


def test_a_checklist_tick_is_a_bounded_number_of_queries(
    client, induction, django_assert_max_num_queries
):
    module, alice = induction.modules["first"], induction.users["alice"]
    client.force_login(alice)
    client.post(_progress_url(module), checklist_post(module, count=1))  # the record exists
    with django_assert_max_num_queries(24):
        response = client.post(_progress_url(module), checklist_post(module))
    assert response.status_code == 302
    assert ChecklistTick.objects.filter(user=alice).count() == len(module.checklist_item_ids)
    assert ModuleProgress.objects.get(user=alice).completed_at is None  # its quiz is not done
    with django_assert_max_num_queries(24):
        client.post(_progress_url(module), checklist_post(module, count=1))
    assert ChecklistTick.objects.filter(user=alice).count() == 1


def test_completing_the_last_module_still_awards_and_revokes_the_badge(client, induction):
    """The programme check counts modules without loading them: still right both ways."""
    alice = induction.users["alice"]
    client.force_login(alice)
    modules = induction.programme.modules_for({"vp-welfare"})
    for module in modules:
        if module.checklist_item_ids:
            client.post(_progress_url(module), checklist_post(module))
        if module.quiz_ids:
            client.post(_progress_url(module), correct_quiz_post(module))
        if not module.has_steps:
            client.post(_progress_url(module), {"action": "done"})
    assert ProgrammeCompletion.objects.filter(user=alice).exists()
    first = induction.modules["first"]
    client.post(_progress_url(first), checklist_post(first, count=1))  # untick one item
    assert not ProgrammeCompletion.objects.filter(user=alice).exists()


def test_module_keys_match_the_modules_an_officer_takes(induction):
    programme = induction.programme
    for roles in ({"president"}, {"vp-welfare"}, set()):
        expected = [module.translation_key for module in programme.modules_for(roles)]
        assert programme.module_keys_for(roles) == expected


def test_a_feedback_answer_is_a_bounded_number_of_queries(
    home, people, django_assert_max_num_queries
):
    page = make_guideline(make_guidance_index(home), title="Quick check-in surveys")
    client = Client(headers={"Sec-Fetch-Site": "same-origin", "Accept": "application/json"})
    client.force_login(people["officer"])
    # Routing included (the first request to this address), and the two per-reader counters.
    with django_assert_max_num_queries(29):
        response = client.post(page.url + "feedback/", {"helpful": "yes", "comment": ""})
    assert response.status_code == 200
    assert response.json()["status"] == "thanks"
    assert Feedback.objects.get().helpful is True


# The registry's views are routes of the registry page: Wagtail loads the page and checks its
# view restrictions (two queries) before the view runs, as for every page.
PAGE_ROUTE = 3


def test_join_and_withdraw_are_bounded_and_notify_from_one_queued_task(
    client, people, project, django_assert_max_num_queries
):
    client.force_login(people["officer"])
    url = f"/en/projects/manage/{project.pk}/join/"
    form = {"message": "I ran the halls survey last year.", "how_to_help": "Promotion"}
    assert client.get(url).status_code == 200  # the form first, as people do: routes remembered
    with override_settings(TASKS=QUEUED):
        default_task_backend.clear()
        # The leads' notifications: one queued row.
        with django_assert_max_num_queries(17 + PAGE_ROUTE):
            response = client.post(url, form)
        assert response.status_code == 302
        join_request = JoinRequest.objects.get()
        # Nothing rendered or stored for the leads on the request: one task tells both.
        assert not Notification.objects.exists()
        [queued] = default_task_backend.results
        assert queued.task.func == send_notifications.func
        assert sorted(queued.args[0]) == sorted([people["staff"].pk, people["officer2"].pk])

        with django_assert_max_num_queries(14 + PAGE_ROUTE):
            response = client.post(f"/en/projects/requests/{join_request.pk}/withdraw/")
        assert response.status_code == 302
        assert len(default_task_backend.results) == 2
        created, withdrawn = default_task_backend.results
    join_request.refresh_from_db()
    assert join_request.state == "withdrawn"

    assert notify_each(*created.args) == 2
    assert notify_each(*withdrawn.args) == 2
    notes = Notification.objects.order_by("pk")
    assert [n.kind for n in notes] == ["join_request.created"] * 2 + ["join_request.withdrawn"] * 2
    assert all(n.url.endswith(f"/projects/requests/{join_request.pk}/") for n in notes)
    assert "Monthly wellbeing poll" in notes[0].title


def test_a_queued_notice_about_something_deleted_meanwhile_tells_nobody(client, people, project):
    client.force_login(people["officer"])
    with override_settings(TASKS=QUEUED):
        default_task_backend.clear()
        client.post(
            f"/en/projects/manage/{project.pk}/join/",
            {"message": "I ran the halls survey last year.", "how_to_help": "Promotion"},
        )
        [queued] = default_task_backend.results
    JoinRequest.objects.all().delete()
    assert notify_each(*queued.args) == 0
    assert not Notification.objects.exists()


def test_demo_content_gets_its_notifications_at_once_without_mail(people, project):
    from django.core import mail

    from hub.notifications import emails_suppressed
    from projects import joining

    mail.outbox.clear()
    with override_settings(TASKS=QUEUED), emails_suppressed():
        default_task_backend.clear()
        joining.create_request(people["officer"], project, "Demo request.")
        assert default_task_backend.results == []
    notes = Notification.objects.filter(kind="join_request.created")
    assert {n.recipient_id for n in notes} == {people["staff"].pk, people["officer2"].pk}
    assert mail.outbox == []
