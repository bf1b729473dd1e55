"""One migrated SQLite template per set of migrations, copied for each test process.

Migrating the test database is the longest step before the first test (264 migrations, most of
it Django rendering model states): under pytest-xdist every worker did it again, in every run.
Instead, ``manage.py migrate`` builds ``var/test-template-<key>.sqlite3`` once, the first
process to need it holding a lock while the others wait, and each process runs on a fresh copy
of it in memory-backed storage (``/dev/shm`` where there is one). Django still runs ``migrate``
on the copy (nothing left to apply) and serialises it for the tests that roll back to it.

The template also holds the site most tests start from (:func:`tests.factories.make_site`: a
published home page with the registry under it, on the default site), built once here instead
of in every test; ``make_site()`` hands that baseline back while it is untouched. Tests of a
fresh install (the demo loaders) remove it first with :func:`tests.factories.clear_site`.

``<key>`` is a hash of the project's migration files, the settings, the locked requirements and
the installed packages' versions, so a new or edited migration builds a new template.
``--create-db`` builds it afresh; ``--reuse-db`` keeps its own behaviour (``tests/conftest.py``).
Only for the default SQLite test database: PostgreSQL builds its test databases as before.
"""

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import distributions
from pathlib import Path

from django.conf import settings

KEPT = 3  # templates of other keys kept (switching branches back and forth)


def applies(config) -> bool:
    database = settings.DATABASES["default"]
    if not database["ENGINE"].endswith("sqlite3") or config.getoption("reuse_db", False):
        return False
    return database.get("TEST", {}).get("NAME") in (None, "", ":memory:")


def _sources():
    """The files whose content decides what ``migrate`` builds (with the installed packages)."""
    base = Path(settings.BASE_DIR)
    found = [p for p in base.glob("*/migrations/*.py")]
    found += list(base.glob("hub/settings/*.py")) + list(base.glob("requirements/*.txt"))
    # The baseline site is built by the factories (and this module), so they are part of it.
    found += [base / "tests" / "factories" / "core.py", Path(__file__)]
    return sorted(found)


def key() -> str:
    digest = hashlib.sha256()
    for path in _sources():
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()[:16]


def _build(target: Path):
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update(DJANGO_SETTINGS_MODULE="hub.settings.test", DATABASE_URL=f"sqlite:///{partial}")
    subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "migrate", "--run-syncdb", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )
    subprocess.run(  # noqa: S603 (our own code, the test settings)
        [sys.executable, "-c", "from tests.support.template_db import seed; seed()"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )
    partial.replace(target)
    others = sorted(target.parent.glob("test-template-*.sqlite3"), key=lambda p: p.stat().st_mtime)
    for old in [p for p in others if p != target][:-KEPT]:
        old.unlink(missing_ok=True)


def seed():
    """Build the baseline site in the database the settings name (run by :func:`_build`)."""
    import django

    django.setup()
    from django.db import transaction

    from tests.factories import make_site

    with transaction.atomic():
        make_site()


def template(rebuild=False) -> Path:
    """The migrated template for the current migrations, built under a lock when missing."""
    folder = Path(settings.BASE_DIR) / "var"
    folder.mkdir(exist_ok=True)
    target = folder / f"test-template-{key()}.sqlite3"
    with open(folder / "test-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if rebuild or not target.exists():
                _build(target)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return target


def working_copy(source: Path, worker: str) -> Path:
    """A private copy of ``source`` for this process, in memory-backed storage if there is."""
    shm = Path("/dev/shm")
    folder = shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())
    copy = folder / f"hub-test-{os.getpid()}-{worker or 'main'}.sqlite3"
    shutil.copyfile(source, copy)
    return copy
