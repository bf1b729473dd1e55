"""Editors' tools: the cohort report (progress, overdue modules, handovers, CSV export)."""

import copy
import csv
import datetime
import io
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from induction.models import Handover, OfficerTerm
from tests.factories import build_induction, checklist_post, correct_quiz_post, make_site, make_user
from tests.support.shared_data import module_transaction

IMPORT_URL = "/admin/induction/import/"
REPORT_URL = "/admin/induction/cohort/"


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            home, _registry = make_site()
            ind = build_induction(home)
            editor = make_user("editor@example.org", groups=["Editors"])
            first = ind.modules["first"]
            # Alice completes the first module; the second is overdue for everyone.
            client = Client()
            client.force_login(ind.users["alice"])
            client.post(first.url + "progress/", checklist_post(first))
            client.post(first.url + "progress/", correct_quiz_post(first))
            second = ind.modules["second"]
            second.due_date = datetime.date(2000, 1, 1)
            second.save_revision().publish()
            Handover.objects.create(
                term=ind.terms["carol"],
                author=ind.users["carol"],
                status=Handover.Status.SUBMITTED,
                advice="Secret advice for Alice",
            )
            world = SimpleNamespace(ind=ind, editor=editor)
        yield world


@pytest.fixture
def world(_world, db):
    """The induction hub and an editor; Alice has completed the first module, the second is
    overdue for everyone, and Carol has submitted her handover. A copy per test."""
    return copy.deepcopy(_world)


def test_report_lists_progress_overdue_modules_and_handovers(client, world):
    client.force_login(world.editor)
    response = client.get(REPORT_URL, {"year": world.ind.year})
    assert response.status_code == 200
    rows = {term.report_officer: term for term in response.context["object_list"]}
    assert set(rows) == {"Alice Adeyemi", "Bob Berger"}
    alice, bob = rows["Alice Adeyemi"], rows["Bob Berger"]
    assert (alice.report_done, alice.report_total) == (1, 3)
    assert (bob.report_done, bob.report_total) == (0, 2)
    assert "How the institution decides" in alice.report_overdue
    assert alice.report_handover == "received"
    assert bob.report_handover == "no predecessor"
    assertContains(response, "1 of 3")
    assertNotContains(response, "Secret advice for Alice")


def test_report_defaults_to_the_coming_cohort(client, world):
    client.force_login(world.editor)
    response = client.get(REPORT_URL)
    names = {term.report_officer for term in response.context["object_list"]}
    assert names == {"Alice Adeyemi", "Bob Berger"}
    response = client.get(REPORT_URL, {"year": world.ind.year - 1})
    names = {term.report_officer for term in response.context["object_list"]}
    assert names == {"Carol Costa"}


def test_csv_export(client, world):
    client.force_login(world.editor)
    response = client.get(REPORT_URL, {"year": world.ind.year, "export": "csv"})
    assert response.status_code == 200
    assert "text/csv" in response["Content-Type"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    alice = next(row for row in rows if row["Officer"] == "Alice Adeyemi")
    assert alice["E-mail"] == "alice@example.org"
    assert alice["Modules done"] == "1"
    assert alice["Modules"] == "3"
    assert alice["Handover from predecessor"] == "received"
    assert "How the institution decides" in alice["Overdue modules"]


def test_report_is_for_editors_only(client, world):
    for user in (world.ind.users["alice"], make_user(groups=["Staff"])):
        client.force_login(user)
        assert client.get(REPORT_URL).status_code in {302, 403}
    client.force_login(world.editor)
    assert client.get(reverse("induction_cohort_report_results")).status_code == 200


def test_report_query_count_does_not_grow_with_the_cohort(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.editor)
    client.get(REPORT_URL, {"year": world.ind.year})
    with CaptureQueriesContext(connection) as small:
        client.get(REPORT_URL, {"year": world.ind.year})
    role = world.ind.roles["vp-education"]
    for n in range(6):
        OfficerTerm.objects.create(
            user=make_user(f"extra{n}@example.org"),
            role=role,
            starts_on=datetime.date(world.ind.year, 7, 1),
            ends_on=datetime.date(world.ind.year + 1, 6, 30),
        )
    # new terms are content (a snippet): the per-process memos start again; warm them
    client.get(REPORT_URL, {"year": world.ind.year})
    with CaptureQueriesContext(connection) as large:
        response = client.get(REPORT_URL, {"year": world.ind.year})
    assert len(response.context["object_list"]) == 8
    assert len(large) == len(small)
