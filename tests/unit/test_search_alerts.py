"""Saved-search alerts: each new matching project e-mailed once, in the owner's language."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from projects import saved_searches
from projects.alert_digest import send_alerts
from projects.models import SavedSearch, SentAlert
from projects.tasks import send_search_alerts
from tests.factories import make_project, make_user


@pytest.fixture
def reader(db):
    return make_user("reader@example.org", first_name="Rea")


def saved(reader, query="q=wellbeing", language="en", frequency="daily", **fields):
    return SavedSearch.objects.create(
        owner=reader,
        query=query,
        name="wellbeing",
        language=language,
        frequency=frequency,
        **fields,
    )


def run(*args):
    call_command("send_search_alerts", *args, stdout=io.StringIO())


def test_digest_has_exactly_the_new_matching_projects_once(registry, reader):
    make_project(registry, title="Old wellbeing poll")  # published before the search was saved
    search = saved(reader)
    make_project(registry, title="Wellbeing cafe", summary="A wellbeing drop-in.")
    make_project(registry, title="Library hours", summary="Longer opening in exams.")
    run("--frequency", "daily")
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    assert "Wellbeing cafe" in message.body
    assert "Old wellbeing poll" not in message.body and "Library hours" not in message.body
    assert message.subject == "1 new project for “wellbeing”"
    search.refresh_from_db()
    assert search.last_sent_at is not None

    run("--frequency", "daily")
    assert len(mail.outbox) == 1  # nothing new: nothing sent

    make_project(registry, title="Wellbeing walks")
    run("--frequency", "daily")
    assert len(mail.outbox) == 2
    assert "Wellbeing walks" in mail.outbox[1].body
    assert "Wellbeing cafe" not in mail.outbox[1].body


def test_filters_decide_what_matches(registry, taxonomy, reader):
    themes = taxonomy["themes"]
    saved(reader, query="theme=accessibility")
    make_project(registry, title="Ramps audit", themes=[themes["accessibility"]])
    make_project(registry, title="Mood poll", themes=[themes["wellbeing"]])
    run("--frequency", "daily")
    (message,) = mail.outbox
    assert "Ramps audit" in message.body and "Mood poll" not in message.body


def test_a_republished_project_is_not_sent_again(registry, reader):
    saved(reader)
    project = make_project(registry, title="Wellbeing cafe")
    run("--frequency", "daily")
    project.unpublish()
    project.get_latest_revision().publish()
    run("--frequency", "daily")
    assert len(mail.outbox) == 1
    assert SentAlert.objects.count() == 1


def test_the_email_has_text_html_absolute_links_and_list_unsubscribe(registry, reader):
    search = saved(reader)
    make_project(registry, title="Wellbeing cafe", slug="wellbeing-cafe")
    run("--frequency", "daily")
    (message,) = mail.outbox
    token = saved_searches.unsubscribe_token(search)
    unsubscribe = f"http://testserver/en/projects/alerts/unsubscribe/{token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body
    assert "http://testserver/en/projects/wellbeing-cafe/" in message.body
    assert "http://testserver/en/projects/?q=wellbeing" in message.body
    assert "http://testserver/en/projects/mine/#saved-searches" in message.body
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert '<a href="http://testserver/en/projects/wellbeing-cafe/"' in html
    assert f'href="{unsubscribe}"' in html
    assert '<html lang="en">' in html
    assert "&amp;" not in message.body  # plain text is not HTML-escaped


def test_the_email_is_in_the_owners_language(registry, reader):
    reader.preferred_language = "de"
    reader.save()
    saved(reader)
    make_project(registry, title="Wellbeing cafe")
    run("--frequency", "daily")
    (message,) = mail.outbox
    assert "http://testserver/de/projects/mine/#saved-searches" in message.body
    assert "http://testserver/de/projects/alerts/unsubscribe/" in message.body
    assert '<html lang="de">' in message.alternatives[0][0]


def test_dry_run_sends_and_records_nothing(registry, reader):
    search = saved(reader)
    make_project(registry, title="Wellbeing cafe")
    out = io.StringIO()
    call_command("send_search_alerts", "--dry-run", stdout=out)
    assert "reader@example.org" in out.getvalue() and "Wellbeing cafe" in out.getvalue()
    assert "would send 1 e-mails" in out.getvalue()
    assert mail.outbox == []
    assert not SentAlert.objects.exists()
    search.refresh_from_db()
    assert search.checked_at is None and search.last_sent_at is None


def test_without_frequency_only_due_searches_are_checked(registry, reader):
    two_days_ago = timezone.now() - datetime.timedelta(days=2)
    daily = saved(reader, query="q=wellbeing", frequency="daily")
    weekly = saved(reader, query="q=wellbeing&lang=all", frequency="weekly")
    SavedSearch.objects.update(checked_at=two_days_ago, created_at=two_days_ago)
    make_project(registry, title="Wellbeing cafe")
    summary = send_alerts()
    assert summary == {"searches": 1, "emails": 1, "projects": 1}
    daily.refresh_from_db()
    weekly.refresh_from_db()
    assert daily.last_sent_at is not None and weekly.checked_at == two_days_ago


def test_the_task_sends_like_the_command(registry, reader):
    saved(reader)
    make_project(registry, title="Wellbeing cafe")
    assert send_search_alerts.call("daily") == {"searches": 1, "emails": 1, "projects": 1}
    assert len(mail.outbox) == 1


def test_inactive_owners_get_nothing(registry, reader):
    saved(reader)
    reader.is_active = False
    reader.save()
    make_project(registry, title="Wellbeing cafe")
    run("--frequency", "daily")
    assert mail.outbox == []


def test_a_failing_mail_server_leaves_the_projects_for_next_time(registry, reader, monkeypatch):
    saved(reader)
    make_project(registry, title="Wellbeing cafe")

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    assert send_alerts("daily")["emails"] == 0
    assert not SentAlert.objects.exists()
    monkeypatch.undo()
    assert send_alerts("daily")["emails"] == 1
    assert "Wellbeing cafe" in mail.outbox[0].body


def test_a_translation_published_later_does_not_send_the_project_again(registry, reader):
    from wagtail.models import Locale

    german = Locale.objects.get(language_code="de")
    registry.copy_for_translation(german, copy_parents=True, alias=True)
    saved(reader, query="q=wellbeing&lang=all", language="de")
    project = make_project(registry, title="Wellbeing cafe")
    alias = project.copy_for_translation(german, alias=True)  # shows the English text
    run("--frequency", "daily")
    (message,) = mail.outbox
    assert "Wellbeing cafe" in message.body

    # The alias gives way to a real German translation: a new page, the same project.
    alias.delete()
    german_version = project.copy_for_translation(german)
    german_version.title = "Wellbeing-Café"
    german_version.save_revision().publish()
    run("--frequency", "daily")
    assert len(mail.outbox) == 1


def test_a_search_in_one_language_ignores_projects_of_others(registry, reader):
    from wagtail.models import Locale

    german = Locale.objects.get(language_code="de")
    de_registry = registry.copy_for_translation(german, copy_parents=True, alias=True)
    saved(reader, query="q=wellbeing", language="de")
    make_project(registry, title="Wellbeing cafe")  # English only
    make_project(de_registry, title="Wellbeing-Treff", locale=german)
    run("--frequency", "daily")
    (message,) = mail.outbox
    assert "Wellbeing-Treff" in message.body and "Wellbeing cafe" not in message.body
    assert "http://testserver/de/projects/wellbeing-treff/" in message.body


def test_new_projects_beyond_the_first_page_of_results_are_all_sent(registry, reader):
    make_project(registry, title="Wellbeing archive")  # older: not new
    saved(reader)
    for number in range(22):  # more than one page of the listing (20)
        make_project(registry, title=f"Wellbeing group {number:02d}")
    make_project(registry, title="Library hours")
    run("--frequency", "daily")
    (message,) = mail.outbox
    assert "22 new projects" in message.subject
    assert all(f"Wellbeing group {number:02d}" in message.body for number in range(22))
    assert "Wellbeing archive" not in message.body and "Library hours" not in message.body


def test_searches_with_nothing_new_cost_a_few_queries_each(
    registry, reader, django_assert_max_num_queries
):
    for number in range(10):
        saved(reader, query=f"q=word{number}")
    with django_assert_max_num_queries(33):  # 3 per search, no listing run
        assert send_alerts("daily") == {"searches": 10, "emails": 0, "projects": 0}


def test_a_search_already_claimed_by_another_run_is_not_sent_twice(registry, reader):
    from projects.alert_digest import send_digest
    from projects.routes import registry_pages

    search = saved(reader)
    make_project(registry, title="Wellbeing cafe")
    stale_copy = SavedSearch.objects.select_related("owner").get(pk=search.pk)
    assert send_alerts("daily")["emails"] == 1
    # A run that loaded the search before the first one checked it sends nothing.
    assert send_digest(stale_copy, registry_pages(), now=timezone.now()) == []
    assert len(mail.outbox) == 1
