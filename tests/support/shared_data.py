"""Data that several tests of a module read, built once: pytest's form of ``setUpTestData``.

A module-scoped fixture builds the data inside ``module_transaction``; a function-scoped one
hands each test a deep copy (so that changing an object in memory never leaks into the next
test) and requests ``db``, whose per-test transaction (a savepoint inside this one) rolls back
whatever the test wrote. The module's transaction is rolled back after its last test::

    @pytest.fixture(scope="module")
    def _world(django_db_setup, django_db_blocker):
        with module_transaction(django_db_blocker):
            with django_db_blocker.unblock():
                world = build_world()
            yield world


    @pytest.fixture
    def world(_world, db):
        return copy.deepcopy(_world)

Not for tests that need ``transaction=True`` (they flush the database) or a live server.
"""

import contextlib

from django.db import transaction


@contextlib.contextmanager
def module_transaction(django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        # As Django's TestCase marks its own: durable blocks in the code under test may nest.
        atomic._from_testcase = True
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
