"""Translating or syncing a whole section into other languages, in the background."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from hub.models import BulkTranslationJob, MachineTranslation
from tests.factories import make_project


def locale(code):
    return Locale.objects.get(language_code=code)


def german_versions(section):
    """The real (non-alias) German pages of the section's pages."""
    keys = Page.objects.descendant_of(section, inclusive=True).values("translation_key")
    return Page.objects.filter(
        translation_key__in=keys, locale=locale("de"), alias_of__isnull=True
    ).specific()


@pytest.fixture
def section(registry):
    """The registry and four projects under it: five pages."""
    for number in range(1, 5):
        make_project(registry, title=f"Project {number}", slug=f"project-{number}")
    return registry


@pytest.fixture
def start(client, people, django_capture_on_commit_callbacks):
    """POST the form as ``user`` (the editor by default); publishing happens on commit."""

    def post(page_id, data, user=None):
        client.force_login(user or people["editor"])
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("hub_translate_section", args=[page_id]), data)

    return post


def test_a_section_is_machine_translated_and_published_with_progress(
    client, section, start, people
):
    client.force_login(people["editor"])
    form = client.get(reverse("hub_translate_section", args=[section.pk]))
    assert form.status_code == 200
    assert "5 pages" in form.content.decode()

    response = start(
        section.pk, {"locales": [locale("de").pk], "machine_translate": "on"} | {"publish": "1"}
    )
    job = BulkTranslationJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("hub_translation_job", args=[job.pk])
    assert (job.status, job.total, job.done, job.failed) == ("done", 5, 5, 0)
    assert job.started_by == people["editor"] and job.finished_at is not None

    pages = list(german_versions(section))
    assert len(pages) == 5
    assert all(page.live and page.title.startswith("[DE MT] ") for page in pages)
    assert MachineTranslation.objects.filter(reviewed_at__isnull=True).count() == 5

    progress = client.get(response["Location"])
    assert "5 of 5 translations made, 0 failed." in progress.content.decode()
    assert 'aria-live="polite"' in progress.content.decode()
    data = client.get(response["Location"], {"format": "json"}).json()
    assert data | {"summary": None, "status_label": None} == {
        "status": "done",
        "done": 5,
        "failed": 0,
        "total": 5,
        "percent": 100,
        "finished": True,
        "summary": None,
        "status_label": None,
    }


def test_running_it_again_syncs_instead_of_duplicating(section, start, client):
    data = {"locales": [locale("de").pk], "machine_translate": "on", "publish": "1"}
    start(section.pk, data)
    project = section.get_children().first().specific
    project.title = "Renamed project"
    project.save_revision().publish()

    start(section.pk, data)

    assert BulkTranslationJob.objects.filter(done=5, total=5).count() == 2
    form = client.get(reverse("hub_translate_section", args=[section.pk])).content.decode()
    for job in BulkTranslationJob.objects.all():  # the earlier runs, linked from the form
        assert reverse("hub_translation_job", args=[job.pk]) in form
    pages = german_versions(section)
    assert pages.count() == 5
    assert project.get_translation(locale("de")).title == "[DE MT] Renamed project"


def test_drafts_without_machine_translation(section, start):
    response = start(section.pk, {"locales": [locale("fr").pk, locale("pl").pk], "publish": "0"})
    assert response.status_code == 302
    job = BulkTranslationJob.objects.get()
    assert (job.total, job.done) == (10, 10)
    translated = Page.objects.filter(locale__language_code__in=["fr", "pl"], alias_of__isnull=True)
    translated = translated.exclude(depth=2)  # the home page copied as the section's parent
    assert translated.count() == 10
    assert not translated.filter(live=True).exists()
    assert not MachineTranslation.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"publish": "1"},  # no language
        {"locales": ["999999"], "publish": "1"},  # no such locale
        {"locales": ["not-a-number"], "publish": "1"},
        {"locales": ["en"], "publish": "1"},
        {"locales": [], "publish": "maybe"},
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(section, start, data):
    response = start(section.pk, data)
    assert response.status_code == 400
    assert "There is a problem. Nothing was changed." in response.content.decode()
    assert not BulkTranslationJob.objects.exists()
    assert not german_versions(section).exists()


def test_the_source_language_is_not_offered(section, client, people, start):
    english = locale("en")
    response = start(section.pk, {"locales": [english.pk], "publish": "0"})
    assert response.status_code == 400
    assert not BulkTranslationJob.objects.exists()


def test_unknown_sections_are_not_found(section, start, client, people, home):
    client.force_login(people["editor"])
    for page_id in (999999, home.get_parent().pk):
        url = reverse("hub_translate_section", args=[page_id])
        assert client.post(url, {"locales": [locale("de").pk]}, follow=True).status_code == 404
    assert not BulkTranslationJob.objects.exists()


def test_people_who_cannot_edit_the_section_get_403(section, start, people, client):
    response = start(section.pk, {"locales": [locale("de").pk], "publish": "0"}, people["staff"])
    assert response.status_code == 403
    assert not BulkTranslationJob.objects.exists()
    client.force_login(people["staff"])
    assert client.get(reverse("hub_translate_section", args=[section.pk])).status_code == 403


def test_only_the_person_who_started_a_job_sees_its_progress(section, start, people, client):
    start(section.pk, {"locales": [locale("de").pk], "publish": "0"})
    url = reverse("hub_translation_job", args=[BulkTranslationJob.objects.get().pk])
    client.force_login(people["moderator"])
    assert client.get(url).status_code == 403
    assert client.get(url, {"format": "json"}).status_code == 403
    client.force_login(people["editor"])
    assert client.get(url).status_code == 200


def test_the_listing_offers_translate_section_to_editors(section, client, people):
    client.force_login(people["editor"])
    listing = client.get(reverse("wagtailadmin_explore", args=[section.pk]))
    assert reverse("hub_translate_section", args=[section.pk]) in listing.content.decode()


def test_a_failing_page_is_listed_and_the_others_go_on(section, start, client, monkeypatch):
    from hub import bulk_translation

    real = bulk_translation._translate

    def flaky(page, locale, job, user):
        if page.title == "Project 2":
            raise ValueError("The translation could not be saved.")
        return real(page, locale, job, user)

    monkeypatch.setattr(bulk_translation, "_translate", flaky)
    response = start(section.pk, {"locales": [locale("de").pk], "publish": "0"})
    job = BulkTranslationJob.objects.get()
    assert (job.status, job.done, job.failed, job.total) == ("done", 4, 1, 5)
    assert job.errors[0]["title"] == "Project 2" and job.errors[0]["language"] == "de"
    assert german_versions(section).count() == 4
    page = client.get(response["Location"]).content.decode()
    assert "Pages that could not be translated" in page and "Project 2" in page


def test_the_admin_listing_costs_no_query_per_page(section, client, people, registry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(people["editor"])
    url = reverse("wagtailadmin_explore", args=[section.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as four:
        client.get(url)
    for number in range(5, 13):
        make_project(registry, title=f"Project {number}", slug=f"project-{number}")
    client.get(url)
    with CaptureQueriesContext(connection) as twelve:
        assert reverse("hub_translate_section", args=[section.pk]) in client.get(url).text
    ours = [q["sql"] for q in twelve.captured_queries if "hub_machinetranslation" in q["sql"]]
    assert len(ours) <= 1

    # wagtail-localize's own "Translate this page" buttons cost two queries a page; the rest
    # of the listing, our buttons included, does not grow with the number of pages.
    def others(context):
        return [
            q["sql"]
            for q in context.captured_queries
            if "wagtail_localize" not in q["sql"]
            and '"wagtailcore_locale" WHERE NOT' not in q["sql"]
        ]

    assert len(others(twelve)) == len(others(four))
