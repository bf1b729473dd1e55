"""Every CSV export is safe to open in a spreadsheet: formulas neutralised, a UTF-8 byte-order
mark for accents, dates readable (ISO 8601, to the second, in the site's time zone)."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone

from hub.spreadsheets import csv_cell, csv_lines
from induction.models import OfficerTerm
from knowledge.models import Feedback
from search.stats import record as record_search
from tests.factories import (
    make_draft_project,
    make_guidance_index,
    make_guideline,
    make_project,
    make_role,
    make_user,
)

BOM = b"\xef\xbb\xbf"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
READABLE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$")


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+SUM(A1:A9)", "-2+3", "@SUM(A1)", "\tcmd", "\r=2", "  =1+1", "\uff1dSUM(A1)"],
)
def test_formula_cells_are_neutralised(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["plain words", "a=b", "Zoë Åberg", "", "1 + 1"])
def test_ordinary_text_is_kept_as_it_is(text):
    assert csv_cell(text) == text


def test_values_become_readable_cells(settings):
    settings.TIME_ZONE = "Europe/Brussels"
    moment = datetime.datetime(2026, 1, 15, 9, 30, 5, 123456, tzinfo=datetime.UTC)
    assert csv_cell(moment) == "2026-01-15 10:30:05"  # local time, no microseconds
    assert csv_cell(datetime.date(2026, 7, 1)) == "2026-07-01"
    assert csv_cell(None) == ""
    assert csv_cell(True) == "Yes" and csv_cell(False) == "No"
    assert csv_cell(-3) == -3  # a number is never a formula
    assert csv_cell(["=a", "b"]) == "'=a, b"


def test_csv_lines_start_with_a_byte_order_mark_and_quote_properly():
    data = b"".join(csv_lines(["Name", "=Head"], [["Zoë", 'say "hi", then =1']]))
    assert data.startswith(BOM)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["Name", "'=Head"], ["Zoë", 'say "hi", then =1']]


# --- Every export in the admin ---------------------------------------------------------------


def _download(client, url):
    response = client.get(url + ("&" if "?" in url else "?") + "export=csv")
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    data = b"".join(response.streaming_content)
    assert data.startswith(BOM), url
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _assert_safe(rows):
    for row in rows:
        for value in row:
            assert not value.startswith(FORMULA_STARTS), value


def _column(rows, heading):
    index = rows[0].index(heading)
    return [row[index] for row in rows[1:]]


@pytest.fixture
def admin_client(client, db):
    client.force_login(make_user("root@example.org", is_superuser=True))
    return client


def test_cohort_report_export(admin_client, home):
    user = make_user("zoe@example.org", display_name='=HYPERLINK("http://evil")', first_name="Z")
    OfficerTerm.objects.create(
        user=user,
        role=make_role("president", "@President"),
        starts_on=datetime.date(2026, 7, 1),
        ends_on=datetime.date(2027, 6, 30),
    )
    rows = _download(admin_client, "/admin/induction/cohort/?year=2026")
    _assert_safe(rows)
    assert _column(rows, "Officer") == ['\'=HYPERLINK("http://evil")']
    assert _column(rows, "Role") == ["'@President"]
    assert _column(rows, "Term starts") == ["2026-07-01"]
    assert _column(rows, "Term ends") == ["2027-06-30"]


def test_officer_terms_export(admin_client, home):
    user = make_user("zoe@example.org", display_name="-Zoë Åberg")
    OfficerTerm.objects.create(
        user=user,
        role=make_role("president", "President"),
        starts_on=datetime.date(2026, 7, 1),
        ends_on=datetime.date(2027, 6, 30),
    )
    rows = _download(admin_client, "/admin/snippets/induction/officerterm/")
    _assert_safe(rows)
    assert rows[1][0].startswith("'-Zoë Åberg")
    assert "2026-07-01" in rows[1] and "2027-06-30" in rows[1]


@pytest.mark.parametrize(
    "url", ["/admin/reports/searches/popular/", "/admin/reports/searches/no-results/"]
)
def test_search_report_exports(admin_client, db, url):
    record_search("=cmd|' /c calc'!A0", "en", 0)
    record_search("+thing", "en", 0)
    record_search("café wellbeing", "en", 0)
    rows = _download(admin_client, url)
    _assert_safe(rows)
    terms = _column(rows, "Search term")
    assert "'=cmd|' /c calc'!a0" in terms and "'+thing" in terms
    assert "café wellbeing" in terms
    assert _column(rows, "Last searched") == [timezone.localdate().isoformat()] * 3


@pytest.fixture
def guideline(home):
    index = make_guidance_index(home)
    page = make_guideline(
        index,
        title="=Running a poll",
        last_reviewed=datetime.date(2019, 1, 1),
        review_by=datetime.date(2020, 1, 1),
    )
    Feedback.objects.create(page=page, helpful=False, comment="@mention =1+1 à propos")
    return page


def test_guidance_feedback_export(admin_client, guideline):
    rows = _download(admin_client, "/admin/reports/guidance/feedback/")
    _assert_safe(rows)
    assert _column(rows, "Title") == ["'=Running a poll"]
    assert all(READABLE_DATE.match(value) for value in _column(rows, "Latest answer"))


def test_feedback_comments_export(admin_client, guideline):
    rows = _download(admin_client, f"/admin/reports/guidance/feedback/{guideline.pk}/")
    _assert_safe(rows)
    assert _column(rows, "Comment") == ["'@mention =1+1 à propos"]
    assert _column(rows, "Helpful") == ["No"]
    assert all(READABLE_DATE.match(value) for value in _column(rows, "Date"))


def test_review_due_export(admin_client, guideline):
    rows = _download(admin_client, "/admin/reports/guidance/review-due/")
    _assert_safe(rows)
    assert _column(rows, "Title") == ["'=Running a poll"]
    assert _column(rows, "Review by") == ["2020-01-01"]
    assert _column(rows, "Last reviewed") == ["2019-01-01"]


def test_projects_needing_a_new_lead_export(admin_client, registry):
    make_project(registry, title="+Peer mentoring", needs_new_lead=True)
    rows = _download(admin_client, "/admin/reports/projects-needing-a-new-lead/")
    _assert_safe(rows)
    assert rows[1][0] == "'+Peer mentoring"
    dates = [value for value in rows[1] if re.match(r"^\d{4}-", value)]
    assert dates and all(READABLE_DATE.match(value) for value in dates)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
    ],
)
def test_wagtails_own_report_exports_are_safe_too(admin_client, registry, people, url):
    page = make_draft_project(registry, people["staff"], title="=HYPERLINK(1)")
    page.locked, page.locked_by = True, people["staff"]
    page.save()
    rows = _download(admin_client, url)
    _assert_safe(rows)
    if url != "/admin/reports/aging-pages/":  # aging pages lists published pages only
        assert any("'=HYPERLINK(1)" in row for row in rows), rows
