"""Translation status report at 10,000 source pages × 8 languages, on SQLite.

Builds 10,000 English projects (``bench.generators``) and, with bulk inserts, their state in
each of the seven other languages: no page (missing), an alias, or a page translated through
wagtail-localize (a ``TranslationSource`` with three string segments per page, a
``Translation`` per language, and string translations for all, some or none of the segments),
some of them outdated. Then it renders the report's first page as a superuser through
Django's handler, ``--samples`` times cold and as many warm, and checks the **cold** median
against the target (< 1 s): the cold render is what an editor meets after any change.

Cold (the cache emptied before each render): the states of every row, 70,000 cells at
10,000 pages, for the counts per language and the state filter (six queries on slim rows,
:mod:`hub.translation_status`), cached under a key made of what they depend on
(``data_version``: five aggregate queries), so the next request after any edit, publish,
sync, translated string or review is cold again. Warm: those five queries, the 50 rows of the
page (their states in a constant number of queries) and the template.

    .venv/bin/python bench/translation_status.py              # 10,000 pages (make target)
    .venv/bin/python bench/translation_status.py --pages 2000 # a quick local run
    .venv/bin/python bench/translation_status.py --reuse      # keep the database built before

``--reuse`` keeps the bench database (``BENCH_SQLITE``, ``var/`` by default) when it already
holds ``--pages`` source projects, so only the renders are timed again.

Benchmark code, not part of the site: the translated pages are bare page rows (the report
reads only the page table), not whole projects. Results in
``bench/results/translation_status.json``.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ.setdefault(
    "BENCH_SQLITE",
    str(Path(__file__).resolve().parent.parent / "var" / "bench-translation-status.sqlite3"),
)

import django  # noqa: E402

TARGET_S = 1.0
REPORT = "/admin/reports/translation-status/"
FIELDS = ["title", "summary", "slug"]  # three string segments per source page


STATES = ["missing", "missing", "alias", "outdated", "progress", "progress"] + ["done"] * 4


def state_for(row, column):
    """Missing, alias, outdated, in progress or up to date, spread over rows and columns."""
    return STATES[(row + column) % len(STATES)]


def build_translations(batch_size=2000):
    """Every language's counterparts of the English projects, in bulk; returns their count."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page
    from wagtail_localize.models import (
        String,
        StringSegment,
        StringTranslation,
        TranslatableObject,
        TranslationContext,
        TranslationSource,
    )
    from wagtail_localize.models import Translation as LocalizeTranslation

    from bench.generators import _path_step
    from projects.models import ProjectIndexPage, ProjectPage

    english = Locale.get_default()
    registry = ProjectIndexPage.objects.get(locale=english)
    others = list(Locale.objects.exclude(pk=english.pk).order_by("language_code"))
    parents = {
        locale.pk: registry.copy_for_translation(locale, copy_parents=True, alias=True)
        for locale in others
    }
    content_type = ContentType.objects.get_for_model(ProjectPage)
    future = timezone.now() + datetime.timedelta(days=200)
    pages = list(
        Page.objects.filter(locale=english, content_type=content_type)
        .order_by("path")
        .values_list("pk", "title", "slug", "translation_key", "first_published_at")
    )
    created = 0
    for start in range(0, len(pages), batch_size):
        batch = pages[start : start + batch_size]
        with transaction.atomic():
            TranslatableObject.objects.bulk_create(
                [
                    TranslatableObject(translation_key=key, content_type=content_type)
                    for *_x, key, _p in batch
                ]
            )
            sources = TranslationSource.objects.bulk_create(
                [
                    TranslationSource(
                        object_id=key,
                        specific_content_type=content_type,
                        locale=english,
                        object_repr=title,
                        content_json="{}",
                        created_at=published,
                        # outdated rows were synced before their page was last published
                        last_updated_at=published - datetime.timedelta(days=1)
                        if state_for(start + n, 0) == "outdated"
                        else future,
                    )
                    for n, (_pk, title, _slug, key, published) in enumerate(batch)
                ]
            )
            sources = {source.object_id: source.pk for source in sources}
            contexts, strings = [], []
            for _pk, title, _slug, key, _published in batch:
                for field in FIELDS:
                    contexts.append(
                        TranslationContext(
                            object_id=key,
                            path_id=TranslationContext._get_path_id(field),
                            path=field,
                            field_path=field,
                        )
                    )
                    data = f"{title} {field} {key}"
                    strings.append(
                        String(locale=english, data_hash=String._get_data_hash(data), data=data)
                    )
            # SQLite and PostgreSQL hand back the new primary keys from bulk_create.
            TranslationContext.objects.bulk_create(contexts)
            String.objects.bulk_create(strings)
            segments_of = {}
            for n, (context, string) in enumerate(zip(contexts, strings, strict=True)):
                source_id = sources[context.object_id]
                segments_of.setdefault(source_id, []).append(
                    StringSegment(
                        source_id=source_id,
                        context_id=context.pk,
                        order=n % len(FIELDS),
                        string_id=string.pk,
                        attrs="{}",
                    )
                )
            StringSegment.objects.bulk_create(
                [segment for segments in segments_of.values() for segment in segments]
            )

            new_pages, translations, string_translations = [], [], []
            for column, locale in enumerate(others, start=1):
                parent = parents[locale.pk]
                for n, (pk, title, slug, key, published) in enumerate(batch):
                    row = start + n
                    state = state_for(row, column)
                    if state == "missing":
                        continue
                    new_pages.append(
                        Page(
                            title=title,
                            draft_title=title,
                            slug=slug,
                            content_type=content_type,
                            path=parent.path + _path_step(row + 1),
                            depth=parent.depth + 1,
                            numchild=0,
                            url_path=f"{parent.url_path}{slug}/",
                            live=True,
                            has_unpublished_changes=False,
                            locale=locale,
                            translation_key=key,
                            alias_of_id=pk if state == "alias" else None,
                            first_published_at=published,
                            last_published_at=future + datetime.timedelta(days=1),
                        )
                    )
                    if state == "alias":
                        continue
                    translations.append(
                        LocalizeTranslation(source_id=sources[key], target_locale=locale)
                    )
                    share = 1 if state == "progress" else len(FIELDS)
                    for segment in segments_of[sources[key]][:share]:
                        string_translations.append(
                            StringTranslation(
                                translation_of_id=segment.string_id,
                                locale=locale,
                                context_id=segment.context_id,
                                data=f"[{locale.language_code}] {title}",
                                translation_type="manual",
                            )
                        )
            Page.objects.bulk_create(new_pages)
            LocalizeTranslation.objects.bulk_create(translations)
            StringTranslation.objects.bulk_create(string_translations)
            created += len(new_pages)
    for locale in others:
        parent = Page.objects.get(pk=parents[locale.pk].pk)
        parent.numchild = Page.objects.filter(
            path__startswith=parent.path, depth=parent.depth + 1
        ).count()
        parent.save(update_fields=["numchild"])
    return created


def build(pages):
    """A fresh bench database: ``pages`` English projects and their counterparts."""
    from bench.generators import generate
    from bench.registry import prepare_database

    prepare_database()
    started = time.perf_counter()
    generate(pages, seed=pages, index=False)
    counterparts = build_translations()
    built_s = time.perf_counter() - started
    print(f"{pages} source pages, {counterparts} pages in other languages ({built_s:.0f} s)")
    return counterparts


def reusable(pages):
    """The number of counterparts if the bench database already holds ``pages`` source
    projects (from an earlier run with the same ``--pages``), else ``None``."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db import DatabaseError, connection
    from wagtail.models import Locale, Page

    from projects.models import ProjectPage

    if not Path(settings.DATABASES["default"]["NAME"]).exists():
        return None
    try:
        english = Locale.get_default()
        if ProjectPage.objects.filter(locale=english).count() == pages:
            # the counterparts are bare page rows of the project type (build_translations)
            projects = ContentType.objects.get_for_model(ProjectPage)
            return Page.objects.filter(content_type=projects).exclude(locale=english).count()
    except (DatabaseError, Locale.DoesNotExist, LookupError):
        pass
    connection.close()  # the database is rebuilt from scratch
    return None


def timed(client, clear):
    """Seconds to render the report's first page; ``clear`` empties the cache first."""
    from django.core.cache import cache

    if clear:
        cache.clear()
    started = time.perf_counter()
    response = client.get(REPORT)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"the report answered {response.status_code}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="source pages (default 10,000)")
    parser.add_argument("--samples", type=int, default=5, help="cold and warm renders to time")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the bench database if it already holds --pages source pages",
    )
    args = parser.parse_args()

    django.setup()
    from django.test import Client

    from bench.common import write_results
    from hub.models import User

    counterparts = reusable(args.pages) if args.reuse else None
    if counterparts is None:
        counterparts = build(args.pages)
    else:
        print(f"{args.pages} source pages, {counterparts} pages in other languages (reused)")

    from hub import translation_status as ts

    locales = ts.target_locales()
    summary = ts.summarise(ts.source_pages(), locales[:1])
    for row in ts.count_rows(summary["counts"], locales[:1]):
        spread = ", ".join(f"{state} {n}" for state, _label, n in row["counts"])
        print(f"states in {row['locale'].language_code}: {spread}")

    user = User.objects.filter(email="bench@example.org").first()
    if user is None:
        user = User.objects.create_superuser("bench@example.org", "bench-pass-word-1")
    client = Client()
    client.force_login(user)
    # Cold: an empty cache, as after any edit; every row's states for the counts.
    cold = [timed(client, clear=True) for _n in range(args.samples)]
    # Warm: the counts from the cache, the 50 rows' states and the template.
    warm = [timed(client, clear=False) for _n in range(args.samples)]
    cold_s, warm_s = statistics.median(cold), statistics.median(warm)
    ok = cold_s < TARGET_S
    print(
        f"translation status, first page of {args.pages} pages × 8 languages: "
        f"cold median {cold_s * 1000:.0f} ms (max {max(cold) * 1000:.0f} ms), "
        f"warm median {warm_s * 1000:.0f} ms (max {max(warm) * 1000:.0f} ms); "
        f"target cold < {TARGET_S:.0f} s: {'PASS' if ok else 'FAIL'}"
    )
    path = write_results(
        "translation_status",
        {
            "pages": args.pages,
            "languages": 8,
            "counterparts": counterparts,
            "samples": args.samples,
            "cold_median_ms": round(cold_s * 1000, 1),
            "cold_max_ms": round(max(cold) * 1000, 1),
            "warm_median_ms": round(warm_s * 1000, 1),
            "warm_max_ms": round(max(warm) * 1000, 1),
            "target_ms": TARGET_S * 1000,
            "target_on": "cold_median_ms",
            "passed": ok,
        },
    )
    print(f"results in {path}")
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
