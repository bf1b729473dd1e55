import contextlib

import pytest
from django.core.cache import cache
from wagtail.signal_handlers import disable_reference_index_auto_update

from hub.cache import content_memo, tree_memo
from tests.factories import make_people, make_site, make_taxonomy


def pytest_configure(config):
    """``--reuse-db`` keeps the migrated test database between runs (no migrations up front).

    SQLite's test database is in memory, gone with the process; with ``--reuse-db`` it is a
    file in var/ instead (``var/test-db.sqlite3``, ``_gw0``, ``_gw1``… under pytest-xdist), so
    there is something to reuse. ``--create-db`` builds it afresh after a migration changes.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if config.getoption("reuse_db", False) and database["ENGINE"].endswith("sqlite3"):
        test = database.setdefault("TEST", {})
        if test.get("NAME") in (None, "", ":memory:"):
            test["NAME"] = str(settings.BASE_DIR / "var" / "test-db.sqlite3")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):
    """The default SQLite test database starts as a copy of a migrated template
    (``tests/support/template_db.py``): no migrations per worker and per run."""
    from django.conf import settings

    from tests.support import template_db

    if not template_db.applies(request.config):
        return
    source = template_db.template(rebuild=request.config.getoption("create_db", False))
    worker = getattr(request.config, "workerinput", {}).get("workerid", "")
    copy = template_db.working_copy(source, worker)
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = str(copy)
    request.config.stash[_template_copy] = copy


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """Django opens the template's copy as it is (``keepdb``); the copy is removed at the end."""
    copy = request.config.stash.get(_template_copy, None)
    if copy is None:
        return request.config.getvalue("reuse_db")
    request.addfinalizer(lambda: copy.unlink(missing_ok=True))
    return True


@pytest.fixture(scope="session")
def django_db_createdb(request, django_db_modify_db_settings):
    """``--create-db`` rebuilt the template already; its copy is used as it is."""
    if request.config.stash.get(_template_copy, None) is not None:
        return False
    return request.config.getvalue("create_db")


_template_copy = pytest.StashKey["object"]()


@pytest.fixture(autouse=True)
def _reference_index(request):
    """Wagtail's reference index (the admin's "used by" listings) is updated on each save
    only in tests marked ``reference_index``: the site's own code never reads it, and keeping
    it up to date on every save was an eighth of the suite's time. Saving and rebuilding it for
    the site's page types and snippets is tested in tests/unit/test_reference_index.py."""
    if request.node.get_closest_marker("reference_index"):
        yield
        return
    # A nested disable (load_demo has its own) removes Wagtail's flag as it ends; the outer
    # one then finds nothing to remove.
    with contextlib.suppress(AttributeError), disable_reference_index_auto_update():
        yield


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    tree_memo.clear()
    content_memo.clear()
    yield
    cache.clear()
    tree_memo.clear()
    content_memo.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request or ``activate()`` in one test must
    not decide the language of the next one in the same worker."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def site_tree(db):
    """``(home, registry)``: a published home page with the project registry under it."""
    return make_site()


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def registry(site_tree):
    return site_tree[1]


@pytest.fixture
def taxonomy(db):
    """A few themes, units and campuses, by slug."""
    return make_taxonomy()


@pytest.fixture
def people(db):
    """One signed-up person per role (``staff2`` is a second, unrelated staff member)."""
    return make_people()


# --- Search engine tests (marker "engine") ---------------------------------------------------
# They need a real Elasticsearch-family engine named by SEARCH_URL (`make test-engine` starts
# one). Without it they are skipped at collection time, and the run says so.
ENGINE_SKIP_REASON = "engine tests skipped: SEARCH_URL not set"


def pytest_collection_modifyitems(config, items):
    import os

    if os.environ.get("SEARCH_URL"):
        return
    skip = pytest.mark.skip(reason=ENGINE_SKIP_REASON)
    skipped = 0
    for item in items:
        if "engine" in item.keywords:
            item.add_marker(skip)
            skipped += 1
    config.stash[_engine_skipped] = skipped


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = config.stash.get(_engine_skipped, 0)
    if skipped:
        terminalreporter.write_line(f"{ENGINE_SKIP_REASON} ({skipped} tests)")
    for line in config.stash.get(summary_lines, []):
        terminalreporter.write_line(line)


def pytest_sessionfinish(session):
    # Under pytest-xdist, a worker hands its count and lines to the controller, which prints.
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["engine_skipped"] = session.config.stash.get(_engine_skipped, 0)
        output["summary_lines"] = session.config.stash.get(summary_lines, [])


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist's controller: collect what each worker handed over (see above)."""
    output = getattr(node, "workeroutput", {})
    stash = node.config.stash
    # Every worker collects the whole suite, so each counts the same skipped engine tests.
    stash[_engine_skipped] = max(stash.get(_engine_skipped, 0), output.get("engine_skipped", 0))
    stash.setdefault(summary_lines, []).extend(output.get("summary_lines", []))


_engine_skipped = pytest.StashKey[int]()
# Lines a test wants in the run's final summary (e.g. the hostile-input figures).
summary_lines = pytest.StashKey[list]()
