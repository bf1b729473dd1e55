"""Notifications: rendered in the recipient's language, e-mailed by a background task."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from hub.models import Notification
from hub.notifications import emails_suppressed, notify
from hub.tasks import send_notification_email
from projects.models import ProjectPage
from projects.routes import registry_url
from tests.factories import make_project

TEMPLATE = "projects/notifications/member_removed"


@pytest.fixture
def project(registry):
    return make_project(registry, title="Poll")


def test_notification_is_written_and_emailed_in_the_recipients_language(people, project):
    officer = people["officer"]
    officer.preferred_language = "fr"
    officer.save()
    note = notify(
        officer,
        "project.member_removed",
        TEMPLATE,
        {"project": project, "actor": people["staff"], "note": "Merci !"},
        url=lambda: registry_url("mine"),
    )
    note.refresh_from_db()
    assert note.url == "/fr/projects/mine/"
    assert "Poll" in note.title and "Merci !" in note.body
    assert note.emailed_at is not None
    (message,) = mail.outbox
    assert message.to == ["officer@example.org"]
    assert message.subject == note.title
    assert "http://testserver/fr/projects/mine/" in message.body
    assert "http://testserver/fr/account/" in message.body
    assert "&amp;" not in message.body and "&#x27;" not in message.body  # plain text


def test_each_notification_is_emailed_once(people, project):
    note = notify(people["staff"], "x", TEMPLATE, {"project": project, "actor": people["staff"]})
    assert send_notification_email.call(note.pk) is False
    assert len(mail.outbox) == 1


def test_inactive_people_get_nothing(people, project):
    people["staff"].is_active = False
    people["staff"].save()
    assert notify(people["staff"], "x", TEMPLATE, {"project": project}) is None
    assert Notification.objects.count() == 0


def test_suppressed_emails_still_leave_a_notification(people, project):
    with emails_suppressed():
        notify(people["staff"], "x", TEMPLATE, {"project": project, "actor": people["staff"]})
    assert Notification.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_queue_sends_through_the_worker(site_tree, people):
    registry = site_tree[1]
    project = make_project(registry, title="Queued")
    queue = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    with override_settings(TASKS=queue):
        note = notify(
            people["staff"], "x", TEMPLATE, {"project": project, "actor": people["staff"]}
        )
        assert mail.outbox == []  # queued, not sent
        from django_tasks_db.models import DBTaskResult

        assert DBTaskResult.objects.count() == 1
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    note.refresh_from_db()
    assert note.emailed_at is not None
    assert [m.to for m in mail.outbox] == [["staff@example.org"]]
    assert ProjectPage.objects.filter(title="Queued").exists()
