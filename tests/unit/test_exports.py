"""Open data exports of the registry: CSV and JSON of exactly the listed results, every page."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects import exports, listing
from projects.models import JoinRequest, ProjectPage
from tests.factories import make_project

URL = "/en/projects/"


def body(response):
    assert response.streaming
    return b"".join(response.streaming_content)


def csv_rows(response):
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def json_rows(response):
    return json.loads(body(response).decode("utf-8"))


def on_screen(client, query):
    """Every title the listing shows for ``query``, page by page."""
    titles, number = [], 1
    while True:
        response = client.get(URL, {**query, "page": number})
        registry = response.context["registry"]
        titles += [project.title for project in registry.projects]
        if not registry.page.has_next():
            return titles
        number += 1


@pytest.fixture
def many(registry, taxonomy, monkeypatch):
    """Seven projects over three pages of three (the page size made small)."""
    monkeypatch.setattr(listing, "PAGE_SIZE", 3)
    t, u, c = taxonomy["themes"], taxonomy["units"], taxonomy["campuses"]
    made = []
    for n in range(7):
        made.append(
            make_project(
                registry,
                title=f"Wellbeing survey {n}" if n % 3 else f"Library survey {n}",
                summary=f"Survey number {n} on students' wellbeing.",
                themes=[t["wellbeing"]] if n != 4 else [t["feedback"]],
                lead_unit=u["library"],
                campuses=[c["riverside"]],
                status=ProjectPage.Status.PAUSED if n == 5 else ProjectPage.Status.ACTIVE,
                stopped_reason="Waiting for the estates survey before we go on." if n == 5 else "",
            )
        )
    return made


QUERIES = [
    {},
    {"sort": "title"},
    {"theme": "wellbeing", "sort": "newest"},
    {"q": "survey", "sort": "title", "status": "active"},
    {"q": "survey", "lang": "all"},
]


@pytest.mark.parametrize("query", QUERIES)
def test_csv_and_json_equal_the_listing_across_pages(client, many, query):
    expected = on_screen(client, query)
    assert expected
    rows = csv_rows(client.get(URL + "export/csv/", query))
    assert [row[0] for row in rows[1:]] == expected
    records = json_rows(client.get(URL + "export/json/", query))
    assert [record["title"] for record in records] == expected


def test_csv_has_a_translated_header_and_readable_cells(client, many):
    rows = csv_rows(client.get(URL + "export/csv/", {"sort": "title"}))
    assert rows[0][:4] == ["Title", "Link", "Summary", "Status"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Link"] == "http://testserver/en/projects/library-survey-0/"
    assert first["Status"] == "Active"
    assert first["Open to officers"] == "Yes"
    assert first["Language"] == "en"


def test_json_has_stable_english_keys_and_absolute_urls(client, many, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://hub.example.org"
    records = json_rows(client.get(URL + "export/json/", {"sort": "title"}))
    assert set(records[0]) == {key for key, _label in exports.COLUMNS}
    assert records[0]["url"] == "https://hub.example.org/en/projects/library-survey-0/"
    assert records[0]["themes"] == ["Wellbeing"] or records[0]["themes"]
    assert records[0]["status"] == "active"
    assert records[0]["language"] == "en"
    assert records[0]["first_published"].startswith("20")


def test_downloads_are_named_and_typed(client, many):
    response = client.get(URL + "export/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="projects-en-')
    assert response["Content-Disposition"].endswith('.csv"')
    response = client.get(URL + "export/json/")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].endswith('.json"')


def test_the_header_is_in_the_language_of_the_request_even_when_read_later(rf, registry, many):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    from projects.listing import RegistryQuery

    request = rf.get(URL)
    request.user = AnonymousUser()
    with translation.override("de"):
        result = RegistryQuery.from_request(registry, request).run()
        response = exports.export_response(registry, result, request, "csv")
    # The server reads a streamed body after the view returned, in whatever language is active.
    with translation.override("en"):
        rows = csv_rows(response)
    assert [rows[0][0], rows[0][2]] == ["Titel", "Zusammenfassung"]
    assert rows[1][8] == "Ja"


@pytest.mark.parametrize("title", ["=HYPERLINK(1)", "+1+1", "-2", "@SUM(A1)", "\tTab", "\rCR"])
def test_formula_injection_is_neutralised(client, registry, title):
    make_project(registry, title=title, summary="=cmd|' /C calc'!A0")
    rows = csv_rows(client.get(URL + "export/csv/"))
    assert rows[1][0] == "'" + title
    assert rows[1][2] == "'=cmd|' /C calc'!A0"
    # JSON keeps the text as it is: it is data, not a spreadsheet.
    assert json_rows(client.get(URL + "export/json/"))[0]["title"] == title


def test_no_private_field_is_ever_exported(client, registry, people):
    project = make_project(
        registry,
        title="Peer mentoring",
        staff_lead=people["staff"],
        union_contact=people["officer2"],
    )
    JoinRequest.objects.create(
        project=project,
        officer=people["officer"],
        message="Please reach me at secret-helper@example.net",
        how_to_help="I know secret-skills",
    )
    for path in ("export/csv/", "export/json/", "feed/"):
        response = client.get(URL + path)
        assert response.status_code == 200
        text = (body(response) if response.streaming else response.content).decode()
        assert "Peer mentoring" in text
        for secret in ("@example.org", "secret-helper", "secret-skills", "Sam", "Olu", "Ines"):
            assert secret not in text, (path, secret)


@pytest.mark.parametrize(
    "query",
    [
        {"theme": "no-such-theme"},
        {"status": ["x" * 500] * 50},
        {"page": "99999999999999999999"},
        {"page": "-1"},
        {"sort": "<script>"},
        {"q": '"unbalanced AND ( OR'},
        {"q": "\x00"},
        {"lang": "klingon"},
    ],
)
def test_hostile_parameters_never_fail(client, many, query):
    for path in ("export/csv/", "export/json/", "feed/"):
        response = client.get(URL + path, query)
        assert response.status_code == 200, (path, query)
        if response.streaming:
            body(response)


def test_page_numbers_do_not_limit_an_export(client, many):
    records = json_rows(client.get(URL + "export/json/", {"page": 3}))
    assert len(records) == 7


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL + path, {"sort": "title"})
        assert response.status_code == 200
        if response.streaming:
            body(response)
    return len(captured)


@pytest.mark.parametrize("path", ["export/csv/", "export/json/", "feed/"])
def test_queries_do_not_grow_with_the_projects(client, registry, taxonomy, path, monkeypatch):
    monkeypatch.setattr(exports, "EXPORT_CHUNK", 100)
    themes = list(taxonomy["themes"].values())
    for n in range(5):
        make_project(registry, title=f"Project {n}", themes=themes[:2])
    _queries(client, path)  # the routes, the facet index and the rate counter, made once
    few = _queries(client, path)
    for n in range(5, 50):
        make_project(registry, title=f"Project {n}", themes=themes[:2])
    _queries(client, path)
    assert _queries(client, path) == few


def test_anonymous_exports_are_rate_limited(client, many, monkeypatch):
    monkeypatch.setattr(exports, "ANONYMOUS_EXPORTS", 2)
    assert client.get(URL + "export/csv/").status_code == 200
    assert client.get(URL + "export/json/").status_code == 200
    refused = client.get(URL + "export/csv/")
    assert refused.status_code == 429
    assert "Too many downloads" in refused.content.decode()
    assert refused["Retry-After"]


def test_signed_in_readers_are_not_rate_limited(client, many, people, monkeypatch):
    monkeypatch.setattr(exports, "ANONYMOUS_EXPORTS", 1)
    client.force_login(people["officer"])
    for _ in range(3):
        assert client.get(URL + "export/csv/").status_code == 200
