"""Recall of inflected queries per language and search backend.

    .venv/bin/python bench/recall.py          # or: make bench-recall

The word pairs are ``bench/data/recall_words.json``: for each of the eight languages, 20
``[base form, inflected form]`` pairs. For each pair the benchmark publishes two projects in that
language's locale, one holding the base form and one the inflected form, then asks the search
service (in that language, on that locale's projects, typo tolerance off so that only the
language analysis counts):

- **forward**: the inflected form must find the page with the base form;
- **reverse**: the base form must find the page with the inflected form.

Recall is the share of the 20 + 20 queries that find their page. Each backend runs in its own
Python process against a fresh database: SQLite (a file in ``var/``), PostgreSQL (a throw-away
server from ``ops/postgres.sh``), OpenSearch (a one-node cluster from ``ops/opensearch.sh``, with
the same PostgreSQL); services are kept in ``BENCH_OPS_STATE_DIR`` (default
``/tmp/partnershiphub-recall-ops``) and always stopped. ``BENCH_BACKENDS`` picks the backends
(default ``sqlite,postgres``; ``make bench-recall`` adds ``opensearch``); a backend not run
keeps its last figures in the results file. Each backend is measured as
the code currently analyses text: on SQLite that is whatever ``search/database.py`` does.

Results: a printed table and ``bench/results/recall.json``. Target: >= 90% for every language
with a stemmer on the backend; the exit status is 1 when a phase failed.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = Path(__file__).resolve().parent / "data" / "recall_words.json"
BACKENDS = [b for b in os.environ.get("BENCH_BACKENDS", "sqlite,postgres").split(",") if b]
OPS_STATE_DIR = os.environ.get("BENCH_OPS_STATE_DIR", "/tmp/partnershiphub-recall-ops")  # noqa: S108
SQLITE_PATH = ROOT / "var" / "bench-recall.sqlite3"
RESULTS_FILE = ROOT / "bench" / "results" / "recall.json"
PHASE_TIMEOUT = int(os.environ.get("BENCH_PHASE_TIMEOUT", "900"))
RESULT_MARK = "RECALL-RESULT "
TARGET = 0.9


def word_pairs():
    data = json.loads(WORDS.read_text(encoding="utf-8"))
    return {language: pairs for language, pairs in data.items() if not language.startswith("_")}


# --- one backend, in its own process -------------------------------------------------------


def build_pages(pairs_by_language):
    """Per language: ``[(query, expected page pk, direction), ...]`` after publishing the pages."""
    import datetime

    from wagtail.models import Locale, Page, Site

    from hub.models import HomePage
    from projects.models import ProjectIndexPage, ProjectPage

    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in Page.objects.filter(depth=2):  # Wagtail's welcome page, or an earlier run's
        page.delete()
    root.refresh_from_db()
    home = root.add_child(instance=HomePage(title="Home", slug="home", intro="Welcome"))
    home.save_revision().publish()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    registry = home.add_child(instance=ProjectIndexPage(title="Projects", slug="projects"))
    registry.save_revision().publish()
    cases = {}
    number = 0
    for language, pairs in pairs_by_language.items():
        locale, _created = Locale.objects.get_or_create(language_code=language)
        parent = registry
        if locale != registry.locale:
            parent = registry.copy_for_translation(locale, copy_parents=True)
            parent.save_revision().publish()
        cases[language] = []
        for base, inflected in pairs:
            for held, query, direction in (
                (base, inflected, "forward"),
                (inflected, base, "reverse"),
            ):
                number += 1
                page = ProjectPage(
                    title=f"R{number:04d}",
                    slug=f"recall-{number}",
                    summary=held,
                    locale=locale,
                    status=ProjectPage.Status.ACTIVE,
                    stage=ProjectPage.Stage.SUCCESS,
                    start_date=datetime.date(2025, 9, 1),
                )
                parent.add_child(instance=page)  # live, and indexed when saved
                cases[language].append((query, page.pk, direction))
    return cases


def measure():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    migrating = time.monotonic()
    call_command("migrate", verbosity=0)
    migrate_seconds = round(time.monotonic() - migrating, 1)
    from wagtail.models import Locale

    from projects.models import ProjectPage
    from search import service

    engine = service.engine()
    started = time.monotonic()
    with transaction.atomic():  # one commit for all pages (SQLite syncs every commit)
        cases = build_pages(word_pairs())
    if engine is not None:
        from wagtail.search.backends import get_search_backend

        # Every index built in full (the pages were written in one transaction) and searchable.
        call_command("update_index", verbosity=0)
        get_search_backend().refresh_indexes()
    result = {
        "migrate_seconds": migrate_seconds,
        "build_seconds": round(time.monotonic() - started, 1),
        "languages": {},
    }
    for language, items in cases.items():
        locale = Locale.objects.get(language_code=language)
        queryset = ProjectPage.objects.live().filter(locale=locale)
        found = {"forward": 0, "reverse": 0}
        missed = []
        for query, pk, direction in items:
            ids = service.search_ids(queryset, query, language=language, fuzzy=False).ids
            if pk in ids:
                found[direction] += 1
            else:
                missed.append(query)
        total = len(items)
        result["languages"][language] = {
            "queries": total,
            "forward": found["forward"],
            "reverse": found["reverse"],
            "recall": round((found["forward"] + found["reverse"]) / total, 3),
            "missed": missed,
        }
    print(RESULT_MARK + json.dumps(result), flush=True)


# --- the orchestrator -------------------------------------------------------------------------


def ops(script, *args):
    env = {**os.environ, "OPS_STATE_DIR": OPS_STATE_DIR}
    result = subprocess.run(  # noqa: S603 (our own ops scripts)
        [str(ROOT / "ops" / script), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"ops/{script} {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def run_backend(env):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.search_settings", **env}
    if not env.get("SEARCH_URL"):
        env.pop("SEARCH_URL", None)
    started = time.monotonic()
    try:
        done = subprocess.run(  # noqa: S603 (this file, in a fresh interpreter)
            [sys.executable, __file__, "--phase", "measure"],
            capture_output=True,
            text=True,
            env=env,
            timeout=PHASE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {PHASE_TIMEOUT}s"}
    for line in done.stdout.splitlines():
        if line.startswith(RESULT_MARK):
            payload = json.loads(line[len(RESULT_MARK) :])
            payload["phase_seconds"] = round(time.monotonic() - started, 1)
            return payload
    return {"error": f"exit {done.returncode}: {done.stderr[-1500:]}"}


def fresh_sqlite():
    SQLITE_PATH.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    return {"DATABASE_URL": f"sqlite:///{SQLITE_PATH}"}


def table(results):
    languages = list(word_pairs())
    lines = ["| Language | " + " | ".join(results) + " |", "|---" * (len(results) + 1) + "|"]
    for language in languages:
        cells = []
        for outcome in results.values():
            row = outcome.get("languages", {}).get(language)
            cells.append(f"{row['recall']:.0%}" if row else "n/a")
        lines.append(f"| {language} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    from bench.common import write_results

    results = {}
    services = []
    try:
        if "sqlite" in BACKENDS:
            print("sqlite: measuring", flush=True)
            results["sqlite"] = run_backend(fresh_sqlite())
        if {"postgres", "opensearch"} & set(BACKENDS):
            print(f"starting PostgreSQL ({OPS_STATE_DIR})", flush=True)
            database_url = ops("postgres.sh", "start")
            services.append("postgres.sh")
            if "postgres" in BACKENDS:
                print("postgres: measuring", flush=True)
                results["postgres"] = run_backend({"DATABASE_URL": database_url})
            if "opensearch" in BACKENDS:
                print("starting OpenSearch (one node)", flush=True)
                url = ops("opensearch.sh", "start", "--nodes", "1")
                services.append("opensearch.sh")
                print("opensearch: measuring", flush=True)
                results["opensearch"] = run_backend(
                    {
                        "DATABASE_URL": database_url,
                        "SEARCH_URL": f"opensearch2+{url}",
                        "SEARCH_INDEX_PREFIX": f"recall_{os.getpid()}",
                    }
                )
    finally:
        for script in reversed(services):
            try:
                ops(script, "stop")
            except Exception as exc:  # report, but stop the others too
                print(f"could not stop {script}: {exc}", file=sys.stderr)
    print(table(results))
    for name, outcome in results.items():
        if "error" in outcome:
            print(f"{name}: {outcome['error']}", file=sys.stderr)
        for language, row in outcome.get("languages", {}).items():
            if row["missed"]:
                print(f"{name} {language} missed: {', '.join(row['missed'])}")
    # Backends not run this time keep their last figures.
    previous = RESULTS_FILE.exists() and json.loads(RESULTS_FILE.read_text()).get("backends")
    write_results("recall", {"target": TARGET, "backends": {**(previous or {}), **results}})
    return 1 if any("error" in outcome for outcome in results.values()) else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--phase", "measure"]:
        measure()
    else:
        sys.exit(main())
