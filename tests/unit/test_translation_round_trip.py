"""A full round trip through wagtail-localize's admin, as an editor does it, with the
translation status report following along: missing → in progress → up to date → outdated.

Create a page, submit it for translation into German, download the PO file, translate it
with polib, upload it, publish the translation, read the German page; then edit the source.
"""

import datetime

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation

from hub import translation_status as ts
from tests.factories import make_project, make_user

GERMAN = {
    "Peer mentoring for commuters": "Peer-Mentoring für Pendelnde",
    "Second-years mentor first-years who travel in every day.": (
        "Studierende im zweiten Jahr begleiten Erstsemester, die täglich pendeln."
    ),
}


@pytest.fixture
def editor(db):
    return make_user("editor@example.org", groups=["Editors"])


def german_state(page):
    german = Locale.objects.get(language_code="de")
    states = ts.cell_states(ts.source_pages().filter(pk=page.pk), [german])
    return states[page.pk][german.pk]


def test_create_translate_export_edit_import_publish_and_read(
    client, registry, editor, django_capture_on_commit_callbacks
):
    german = Locale.objects.get(language_code="de")
    page = make_project(
        registry,
        title="Peer mentoring for commuters",
        slug="peer-mentoring",
        summary="Second-years mentor first-years who travel in every day.",
    )
    client.force_login(editor)
    assert german_state(page).state == ts.MISSING

    # Translate: wagtail-localize's "Translate this page" form, the link of a missing cell.
    submit = german_state(page).url
    response = client.post(submit, {"locales": [german.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=german
    )
    cell = german_state(page)
    assert (cell.state, cell.percent) == (ts.IN_PROGRESS, 0)

    # Export the PO file and translate it.
    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    po = polib.pofile(response.content.decode("utf-8"))
    msgids = {entry.msgid for entry in po}
    assert set(GERMAN) <= msgids
    for entry in po:
        entry.msgstr = GERMAN.get(entry.msgid, f"DE {entry.msgid}")

    # Import it.
    upload = SimpleUploadedFile("peer-mentoring-de.po", str(po).encode("utf-8"))
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload}
    )
    assert response.status_code == 302
    cell = german_state(page)
    assert (cell.state, cell.percent) == (ts.IN_PROGRESS, 100)  # translated, not published

    # Publish it from wagtail-localize's editor (the cell's link).
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        response = client.post(cell.url, {"action": "publish"})
    assert response.status_code == 302
    assert german_state(page).state == ts.UP_TO_DATE

    # Readers see the translated text on the German page.
    target = page.get_translation(german)
    assert target.live
    response = client.get(target.get_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Peer-Mentoring für Pendelnde" in html
    assert "täglich pendeln" in html

    # The source changes: the translation is outdated, and the cell offers to sync it.
    page.refresh_from_db()
    page.summary = "Second-years mentor first-years who commute, on campus and online."
    revision = page.save_revision(user=editor)
    revision.created_at = timezone.now() + datetime.timedelta(minutes=1)
    revision.save(update_fields=["created_at"])
    revision.publish()
    cell = german_state(page)
    assert cell.state == ts.OUTDATED
    assert cell.url == f"/admin/localize/update/{translation.source_id}/"


def test_a_po_file_for_another_translation_changes_nothing(client, registry, editor):
    german = Locale.objects.get(language_code="de")
    french = Locale.objects.get(language_code="fr")
    page = make_project(registry, title="Peer mentoring for commuters", slug="peer-mentoring")
    client.force_login(editor)
    client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [german.pk, french.pk]})
    de, fr = (
        Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)
        for locale in (german, french)
    )
    po = polib.pofile(
        client.get(f"/admin/localize/translate/{fr.pk}/pofile/download/").content.decode()
    )
    for entry in po:
        entry.msgstr = "Traduit"
    upload = SimpleUploadedFile("wrong.po", str(po).encode("utf-8"))
    response = client.post(f"/admin/localize/translate/{de.pk}/pofile/upload/", {"file": upload})
    assert response.status_code == 302
    cell = german_state(page)
    assert (cell.state, cell.percent) == (ts.IN_PROGRESS, 0)
