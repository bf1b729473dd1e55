"""The hourly join-request limit holds under real concurrency, on SQLite and PostgreSQL.

Twelve threads, each with its own database connection, ask at the same moment for one
officer who already has three requests this hour (the limit is five). On PostgreSQL the
threads use the test database itself; on SQLite (whose test database lives in memory) they
use a file copy of it, since only a file shows how SQLite's locks behave between connections.
"""

import sqlite3
import threading
import time

import pytest
from django.core import mail
from django.db import connection, connections

from hub.models import Notification
from projects import joining
from projects.models import JoinRequest
from tests.factories import make_project

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 12


class RealDatabase:
    """Runs functions in threads, each with its own connection to a real database."""

    def __init__(self, tmp_path):
        self.settings = None
        self.wrapper_class = type(connections["default"])
        if connection.vendor == "sqlite":
            path = tmp_path / "race.sqlite3"
            connection.ensure_connection()
            copy = sqlite3.connect(path)
            connection.connection.backup(copy)
            copy.close()
            self.settings = {**connection.settings_dict, "NAME": str(path)}

    def _connect(self):
        if self.settings is not None:
            # Thread-local: this thread's "default" is a connection to the file.
            connections["default"] = self.wrapper_class(self.settings, "default")

    def run_together(self, functions):
        barrier = threading.Barrier(len(functions))
        results = [None] * len(functions)

        def worker(index, function):
            self._connect()
            try:
                barrier.wait(timeout=30)
                results[index] = ("ok", function())
            except Exception as error:  # noqa: BLE001 (reported in the assertion)
                results[index] = ("error", error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=worker, args=pair) for pair in enumerate(functions)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        return results

    def query(self, function):
        return self.run_together([function])[0][1]


@pytest.fixture
def scene(site_tree, people):
    registry = site_tree[1]
    officer = people["officer"]
    projects = [
        make_project(
            registry,
            title=f"Project {n}",
            staff_lead=people["staff"],
            union_contact=people["officer2"],
        )
        for n in range(3 + THREADS)
    ]
    for project in projects[:3]:
        joining.create_request(officer, project, "Earlier today")
    return officer, projects[3:]


def test_simultaneous_requests_never_pass_the_hourly_limit(scene, tmp_path, monkeypatch):
    officer, projects = scene
    Notification.objects.all().delete()
    mail.outbox.clear()
    database = RealDatabase(tmp_path)
    original_count = joining.recent_request_count

    def slow_count(user, now=None):
        # Widen the gap between counting and inserting, as a busy server would.
        count = original_count(user, now)
        time.sleep(0.05)
        return count

    monkeypatch.setattr(joining, "recent_request_count", slow_count)

    def ask(project):
        def attempt():
            try:
                joining.create_request(officer, project, "Hello")
                return "created"
            except joining.JoinError as error:
                return error.code

        return attempt

    results = database.run_together([ask(project) for project in projects])
    errors = [value for outcome, value in results if outcome == "error"]
    assert not errors, errors
    outcomes = sorted(value for _outcome, value in results)
    assert outcomes.count("created") == joining.RATE_LIMIT - 3
    assert outcomes.count("rate_limited") == THREADS - (joining.RATE_LIMIT - 3)

    assert database.query(lambda: JoinRequest.objects.filter(officer=officer).count()) == 5
    # Both leads heard of each request that was created, and of nothing else.
    notified = database.query(
        lambda: sorted(
            Notification.objects.filter(kind="join_request.created").values_list(
                "recipient__email", flat=True
            )
        )
    )
    assert notified == sorted(
        ["officer2@example.org", "staff@example.org"] * (joining.RATE_LIMIT - 3)
    )
    assert len(mail.outbox) == 2 * (joining.RATE_LIMIT - 3)
