"""Saved-search alerts: each new matching project e-mailed once, in the owner's language."""


import pytest
from django.core import mail
from django.core.management import call_command

from projects.models import SavedSearch
from tests.factories import make_project, make_user


@pytest.fixture
def reader(db):
    return make_user("reader@example.org", first_name="Rea")


def saved(reader, query="q=wellbeing", language="en", frequency="daily", **fields):
    return SavedSearch.objects.create(
        owner=reader,
        query=query,
        name="“wellbeing”",
        language=language,
        frequency=frequency,
        **fields,
    )


def run(*args):
    call_command("send_search_alerts", *args, stdout=open("/dev/null", "w"))


def test_digest_has_exactly_the_new_matching_projects_once(registry, reader):
    make_project(registry, title="Old wellbeing poll")  # published before the search was saved
    search = saved(reader)
    make_project(registry, title="Wellbeing cafe", summary="A wellbeing drop-in.")
    make_project(registry, title="Library hours", summary="Longer opening in exams.")
    run("--frequency", "daily")
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    assert "Wellbeing cafe" in message.body
    assert "Old wellbeing poll" not in message.body and "Library hours" not in message.body
    assert "1 new project" in message.subject
    search.refresh_from_db()
    assert search.last_sent_at is not None

    run("--frequency", "daily")
    assert len(mail.outbox) == 1  # nothing new: nothing sent

    make_project(registry, title="Wellbeing walks")
    run("--frequency", "daily")
    assert len(mail.outbox) == 2
    assert "Wellbeing walks" in mail.outbox[1].body
    assert "Wellbeing cafe" not in mail.outbox[1].body
