"""The translation status report: each state, filters, counts, CSV, permissions, queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from hub import translation_status as ts
from tests.factories import make_project, make_user

REPORT = "/admin/reports/translation-status/"


@pytest.fixture
def german(db):
    return Locale.objects.get(language_code="de")


@pytest.fixture
def french(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def editor(db):
    return make_user("editor@example.org", groups=["Editors"])


@pytest.fixture
def admin(db):
    return make_user("admin@example.org", is_superuser=True)


@pytest.fixture
def translated_registry(registry, german, french, admin):
    """The registry translated into German and French, so projects under it can be too."""
    for translation in translate(registry, admin, german, french).values():
        fill(translation)
        translation.save_target(user=admin, publish=True)
    return registry


def translate(page, user, *locales):
    TranslationCreator(user, list(locales)).create_translations(page)
    return {
        t.target_locale.language_code: t
        for t in Translation.objects.filter(source__object_id=page.translation_key)
    }


def fill(translation, share=1.0):
    """Translate ``share`` of the translation's string segments (as an editor would)."""
    segments = list(StringSegment.objects.filter(source=translation.source).order_by("order"))
    for segment in segments[: round(len(segments) * share)]:
        StringTranslation.objects.get_or_create(
            translation_of_id=segment.string_id,
            locale=translation.target_locale,
            context_id=segment.context_id,
            defaults={"data": "Übersetzt: " + segment.string.data, "translation_type": "manual"},
        )
    return len(segments)


def states_of(page):
    locales = ts.target_locales()
    row = ts.cell_states(ts.source_pages().filter(pk=page.pk), locales)[page.pk]
    return {locale.language_code: row[locale.pk] for locale in locales}


def later(page):
    """Edit and publish the source page a moment after everything before."""
    page.refresh_from_db()
    page = page.specific
    page.summary = "Changed after the translation."
    revision = page.save_revision()
    revision.created_at = timezone.now() + datetime.timedelta(minutes=5)
    revision.save(update_fields=["created_at"])
    revision.publish()
    return page


# --- States ------------------------------------------------------------------------------------


def test_missing_alias_and_in_progress(translated_registry, german, french, admin):
    project = make_project(translated_registry, title="Peer mentoring", slug="peer-mentoring")
    project.copy_for_translation(
        Locale.objects.get(language_code="es"), copy_parents=True, alias=True
    )
    translate(project, admin, german)

    states = states_of(project)
    assert states["fr"].state == ts.MISSING
    assert states["fr"].url == f"/admin/localize/submit/page/{project.pk}/"
    assert states["es"].state == ts.ALIAS
    assert states["de"].state == ts.IN_PROGRESS
    assert states["de"].percent == 0


def test_in_progress_shows_the_share_of_segments(translated_registry, german, admin):
    project = make_project(translated_registry, title="Peer mentoring", slug="peer-mentoring")
    translation = translate(project, admin, german)["de"]
    total = fill(translation, share=0.5)
    assert total >= 2

    cell = states_of(project)["de"]
    assert cell.state == ts.IN_PROGRESS
    assert cell.percent == int(100 * round(total * 0.5) / total)
    assert "/admin/pages/" in cell.url and cell.url.endswith("/edit/")


def test_up_to_date_then_outdated_after_the_source_changes(translated_registry, german, admin):
    project = make_project(translated_registry, title="Peer mentoring", slug="peer-mentoring")
    translation = translate(project, admin, german)["de"]
    fill(translation)
    translation.save_target(user=admin, publish=True)

    cell = states_of(project)["de"]
    assert cell.state == ts.UP_TO_DATE
    assert cell.url == f"/admin/pages/{cell.page_id}/edit/"

    later(project)
    cell = states_of(project)["de"]
    assert cell.state == ts.OUTDATED
    assert cell.url == f"/admin/localize/update/{translation.source_id}/"


def test_a_page_translated_by_hand_is_outdated_when_the_source_is_newer(
    translated_registry, german
):
    project = make_project(translated_registry, title="Peer mentoring", slug="peer-mentoring")
    copy = project.copy_for_translation(german)
    copy.save_revision().publish()
    assert states_of(project)["de"].state == ts.UP_TO_DATE
    later(project)
    assert states_of(project)["de"].state == ts.OUTDATED


def test_a_machine_translation_is_shown_until_it_is_reviewed(translated_registry, german, admin):
    from django.utils import timezone

    from hub.models import MachineTranslation

    project = make_project(translated_registry, title="Peer mentoring", slug="peer-mentoring")
    translation = translate(project, admin, german)["de"]
    fill(translation)
    translation.save_target(user=admin, publish=True)
    target = project.get_translation(german)
    assert ts.machine_state([target.pk]) == set()
    record = MachineTranslation.objects.create(
        page=target, translator="standin", translated_at=timezone.now()
    )
    assert ts.machine_state([target.pk, 999999]) == {target.pk}
    cell = states_of(project)["de"]
    assert cell.state == ts.MACHINE
    assert cell.url == reverse("hub_translation_review", args=[target.pk])
    version = ts.data_version()
    record.reviewed_at, record.reviewed_by = timezone.now(), admin
    record.save()
    assert ts.data_version() != version  # the cached counts follow the review at once
    assert states_of(project)["de"].state == ts.UP_TO_DATE


# --- The report --------------------------------------------------------------------------------


@pytest.fixture
def projects(translated_registry, german, admin):
    """Three projects: one translated into German, one half done, one untouched."""
    done = make_project(translated_registry, title="Done in German", slug="done")
    half = make_project(translated_registry, title="Half in German", slug="half")
    none = make_project(translated_registry, title="Not started", slug="none")
    translation = translate(done, admin, german)["de"]
    fill(translation)
    translation.save_target(user=admin, publish=True)
    fill(translate(half, admin, german)["de"], share=0.5)
    return {"done": done, "half": half, "none": none}


def test_report_shows_the_matrix_counts_and_links(client, editor, projects):
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Done in German" in html and "Not started" in html
    assert "Deutsch" in html or "German" in html
    assert f"/admin/localize/submit/page/{projects['none'].pk}/" in html
    counts = {
        row["locale"].language_code: row["counts"] for row in response.context["state_counts"]
    }
    german_counts = {state: n for state, _label, n in counts["de"]}
    # home is an alias in German; the registry and "done" are up to date; "half" in progress
    assert german_counts[ts.IN_PROGRESS] == 1
    assert german_counts[ts.MISSING] == 1  # "none"
    assert german_counts[ts.ALIAS] == 1  # home
    assert german_counts[ts.UP_TO_DATE] == 2
    assert len(counts) == 7


def test_filters_by_language_state_type_and_section(client, editor, projects, registry):
    client.force_login(editor)
    response = client.get(REPORT, {"language": "de", "state": ts.IN_PROGRESS})
    rows = response.context["object_list"]
    assert [page.title for page in rows] == ["Half in German"]
    assert [row["locale"].language_code for row in response.context["state_counts"]] == ["de"]

    response = client.get(REPORT, {"section": registry.pk})
    titles = [page.title for page in response.context["object_list"]]
    assert "Home" not in titles and "Done in German" in titles

    project_type = projects["done"].content_type_id
    response = client.get(REPORT, {"content_type": project_type})
    titles = {page.title for page in response.context["object_list"]}
    assert titles == {"Done in German", "Half in German", "Not started"}


@pytest.mark.parametrize(
    "query",
    [
        {"language": "xx"},
        {"state": "<script>"},
        {"section": "not-a-number"},
        {"section": "999999"},
        {"content_type": "-1"},
        {"page": "9999"},
        {"language": ["de", "fr"], "state": ""},
        {"section": "1' OR '1'='1"},
    ],
)
def test_hostile_filter_values_never_500(client, editor, projects, query):
    client.force_login(editor)
    response = client.get(REPORT, query)
    assert response.status_code in (200, 404)
    assert b"<script>" not in response.content


def test_csv_export(client, editor, projects):
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv", "language": "de"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].split(",")[:3] == ["Page", "Page type", "Path"]
    by_title = {line.split(",")[0]: line for line in lines[1:]}
    assert (
        by_title["Half in German"].endswith("(50%)") or "In progress" in by_title["Half in German"]
    )
    assert by_title["Done in German"].endswith("Up to date")
    assert by_title["Not started"].endswith("Missing")


def admin_only_user():
    """Someone who may use the admin but has no permission on any page."""
    from django.contrib.auth.models import Permission

    user = make_user("reader@example.org")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def test_people_who_cannot_edit_pages_are_refused(client, projects):
    """As everywhere in Wagtail's admin: sent back to the dashboard with a message, and a
    403 for the results fetched by the filters."""
    client.force_login(admin_only_user())
    for query in ({}, {"export": "csv"}):
        response = client.get(REPORT, query)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    response = client.get(REPORT + "results/", headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403


def test_people_see_only_the_pages_they_may_edit(client, projects, translated_registry):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name="Mentoring editors")
    GroupPagePermission.objects.create(group=group, page=projects["half"], permission_type="change")
    user = admin_only_user()
    user.groups.add(group)
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code == 200
    assert [page.title for page in response.context["object_list"]] == ["Half in German"]


def test_the_report_is_in_the_reports_menu_for_editors_only(client, editor, projects):
    client.force_login(editor)
    assert REPORT.encode() in client.get("/admin/").content
    client.force_login(admin_only_user())
    assert REPORT.encode() not in client.get("/admin/").content


def _queries_for(client, django_assert_max_num_queries, registry, start, count, limit):
    for n in range(count - start):
        make_project(registry, title=f"Project {start + n}", slug=f"project-{start + n}")
    client.get(REPORT)  # the admin's menus and caches warm up on the first request
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(REPORT)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == count + 2  # with home and the registry
    return len(captured)


def test_constant_queries_for_5_or_20_pages(
    client, admin, translated_registry, german, django_assert_max_num_queries
):
    client.force_login(admin)
    five = _queries_for(client, django_assert_max_num_queries, translated_registry, 0, 5, 40)
    twenty = _queries_for(client, django_assert_max_num_queries, translated_registry, 5, 20, 40)
    assert twenty == five


def test_counts_follow_a_change_at_once(client, editor, projects, admin, german):
    """The counts are cached, keyed on what they depend on: a new translation shows."""
    client.force_login(editor)

    def german_counts():
        rows = client.get(REPORT).context["state_counts"]
        row = next(row for row in rows if row["locale"].language_code == "de")
        return {state: n for state, _label, n in row["counts"]}

    assert german_counts()[ts.MISSING] == 1
    translate(projects["none"], admin, german)
    counts = german_counts()
    assert counts[ts.MISSING] == 0
    assert counts[ts.IN_PROGRESS] == 2
