"""The translation status counts (``summarise``): the same states as the cells, every state,
in a constant number of queries, on slim rows read as text (moments and keys)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from hub import translation_status as ts
from hub.models import MachineTranslation
from tests.factories import make_project, make_user
from tests.unit.test_translation_status import fill, later, translate


@pytest.fixture
def admin(db):
    return make_user("admin@example.org", is_superuser=True)


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def every_state(registry, locales, admin):
    """Projects that, between them, have a cell in every state."""
    german, french, spanish = locales["de"], locales["fr"], locales["es"]
    for translation in translate(registry, admin, german, french).values():
        fill(translation)
        translation.save_target(user=admin, publish=True)
    done = make_project(registry, title="Done", slug="done")
    for translation in translate(done, admin, german, french).values():
        fill(translation)
        translation.save_target(user=admin, publish=True)
    later(done)  # outdated in both languages
    half = make_project(registry, title="Half", slug="half")
    fill(translate(half, admin, german)["de"], share=0.5)  # in progress; missing in French
    half.copy_for_translation(spanish, copy_parents=True, alias=True)  # an alias
    machine = make_project(registry, title="Machine", slug="machine")
    translation = translate(machine, admin, german)["de"]
    fill(translation)
    translation.save_target(user=admin, publish=True)
    MachineTranslation.objects.create(
        page=machine.get_translation(german), translator="standin", translated_at=timezone.now()
    )
    by_hand = make_project(registry, title="By hand", slug="by-hand")
    by_hand.copy_for_translation(french).save_revision().publish()
    later(by_hand)  # translated by hand, then the source changed
    return {"done": done, "half": half, "machine": machine, "by_hand": by_hand}


def test_summary_counts_the_states_of_the_cells(every_state, locales):
    targets = ts.target_locales()
    summary = ts.summarise(ts.source_pages(), targets)
    cells = ts.cell_states(ts.source_pages(), targets)

    counts = {locale.pk: dict.fromkeys(ts.STATE_LABELS, 0) for locale in targets}
    pages = {state: set() for state in ts.STATE_LABELS}
    for pk, row in cells.items():
        for locale_id, cell in row.items():
            counts[locale_id][cell.state] += 1
            pages[cell.state].add(pk)
    assert summary["counts"] == counts
    assert {state: set(ids) for state, ids in summary["pages"].items()} == pages
    assert all(len(ids) == len(set(ids)) for ids in summary["pages"].values())  # once each
    assert all(pages.values()), "every state has a page"

    german, french = locales["de"].pk, locales["fr"].pk
    assert cells[every_state["done"].pk][german].state == ts.OUTDATED
    assert cells[every_state["half"].pk][german].state == ts.IN_PROGRESS
    assert cells[every_state["half"].pk][french].state == ts.MISSING
    assert cells[every_state["half"].pk][locales["es"].pk].state == ts.ALIAS
    assert cells[every_state["machine"].pk][german].state == ts.MACHINE
    assert cells[every_state["by_hand"].pk][french].state == ts.OUTDATED


def test_cells_of_a_list_of_pages_match_those_of_a_queryset(every_state):
    targets = ts.target_locales()
    rows = ts.source_pages().order_by("path")
    from_queryset = ts.cell_states(rows, targets)
    from_list = ts.cell_states(list(rows[:3]), targets)
    assert len(from_list) == 3
    for pk, row in from_list.items():
        assert {
            locale_id: (c.state, c.page_id, c.percent, c.sync_source_id)
            for locale_id, c in row.items()
        } == {
            locale_id: (c.state, c.page_id, c.percent, c.sync_source_id)
            for locale_id, c in from_queryset[pk].items()
        }


def test_no_rows_no_states(registry):
    targets = ts.target_locales()
    assert ts.cell_states([], targets) == {}
    summary = ts.summarise(ts.source_pages().none(), targets)
    assert all(n == 0 for row in summary["counts"].values() for n in row.values())
    assert all(ids == [] for ids in summary["pages"].values())


def _queries(rows, targets):
    with CaptureQueriesContext(connection) as captured:
        ts.summarise(rows, targets)
    return len(captured)


def _translated_project(registry, admin, german, n):
    project = make_project(registry, title=f"Project {n}", slug=f"project-{n}")
    fill(translate(project, admin, german)["de"], share=0.5)


def test_the_summary_takes_the_same_queries_for_3_or_8_projects(registry, admin, locales):
    german = locales["de"]
    for translation in translate(registry, admin, german).values():
        fill(translation)
        translation.save_target(user=admin, publish=True)
    targets = ts.target_locales()
    for n in range(3):
        _translated_project(registry, admin, german, n)
    three = _queries(ts.source_pages(), targets)
    for n in range(3, 8):
        _translated_project(registry, admin, german, n)
    assert _queries(ts.source_pages(), targets) == three <= 7


def _plain(cells):
    return {
        pk: {
            locale_id: (c.state, c.page_id, c.percent, c.sync_source_id)
            for locale_id, c in row.items()
        }
        for pk, row in cells.items()
    }


def test_reading_by_language_gives_the_states_of_reading_by_key(every_state, monkeypatch):
    """Many rows are read by language and their keys picked out in Python (SCAN_ROWS); a few
    by key in the database. Both give the same states and counts, also when the rows leave
    out a project whose translations (outdated in two languages) the scan reads too."""
    targets = ts.target_locales()
    rows = ts.source_pages().exclude(pk=every_state["done"].pk)
    by_key = _plain(ts.cell_states(rows, targets))
    by_key_summary = ts.summarise(rows, targets)
    assert every_state["done"].pk not in by_key
    monkeypatch.setattr(ts, "SCAN_ROWS", 0)
    assert _plain(ts.cell_states(rows, targets)) == by_key
    assert ts.summarise(rows, targets) == by_key_summary
    assert ts.summarise(ts.source_pages(), targets) != by_key_summary  # "done" counts there
