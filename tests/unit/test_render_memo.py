"""Uncached rendering: remembered routes and shared fragments never show stale or private data.

The anonymous page cache is off here (the default in tests): these are the paths every
signed-in reader, and every page the cache does not hold, goes through.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override

from hub.cache import content_version
from hub.memo import VersionedMemo, VersionToken
from projects.models import ProjectMember
from tests.factories import make_project, make_user

pytestmark = [pytest.mark.cache, pytest.mark.django_db]


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


# --- VersionedMemo ----------------------------------------------------------------------------


def test_memo_forgets_everything_when_the_version_moves_on():
    memo = VersionedMemo(max_entries=10)
    memo.set(1, "a", "first")
    assert memo.get(1, "a") == "first"
    assert memo.get(2, "a") is None
    assert memo.get(1, "a") is None  # reading with a new version emptied the table


def test_memo_is_bounded_and_keeps_the_recently_used():
    memo = VersionedMemo(max_entries=3)
    for key in "abc":
        memo.set(7, key, key.upper())
    assert memo.get(7, "a") == "A"  # a is now the most recently used
    memo.set(7, "d", "D")
    assert memo.get(7, "b") is None  # the least recently used went
    assert [memo.get(7, k) for k in "acd"] == ["A", "C", "D"]


def test_get_or_set_computes_once_per_version_even_for_none():
    memo = VersionedMemo()
    calls = []

    def compute():
        calls.append(1)

    assert memo.get_or_set(1, "k", compute) is None
    assert memo.get_or_set(1, "k", compute) is None
    assert len(calls) == 1  # a remembered None is still remembered
    memo.get_or_set(2, "k", compute)
    assert len(calls) == 2


def test_memo_remembers_nothing_without_a_version():
    memo = VersionedMemo()
    memo.set(None, "a", 1)
    assert memo.get(None, "a") is None


def test_content_version_starts_somewhere_random_after_the_cache_is_cleared():
    from django.core.cache import cache

    first = content_version()
    cache.clear()
    assert content_version() != first  # a cleared cache can never revive a worker's old memo


def test_a_version_token_moves_and_never_comes_back_after_a_flush():
    from django.core.cache import cache

    token = VersionToken("test:token")
    first = token.current()
    assert token.current() == first  # read twice, the same version
    token.move()
    moved = token.current()
    assert moved != first
    cache.clear()
    token.move()  # the key is gone: a fresh random start, not first + 1
    assert token.current() not in (first, moved)


def test_get_or_build_builds_once_per_version():
    memo = VersionedMemo()
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    assert memo.get_or_build(1, "index", build) == 1
    assert memo.get_or_build(1, "index", build) == 1
    assert memo.get_or_build(2, "index", build) == 2  # a new version builds again
    assert len(memo) == 1


# --- Routes -------------------------------------------------------------------------------------


def test_a_remembered_route_costs_fewer_queries_and_serves_the_same_page(client, registry):
    project = make_project(registry, title="Feedback loop audit")
    cold, cold_html = _queries(client, project.url)
    warm, warm_html = _queries(client, project.url)
    assert warm < cold
    assert "Feedback loop audit" in warm_html
    assert warm_html == cold_html


def test_a_new_slug_moves_the_page_at_once(client, registry):
    project = make_project(registry, title="Ramp audit", slug="ramp-audit")
    assert client.get("/en/projects/ramp-audit/").status_code == 200
    project.slug = "step-free-audit"
    project.save_revision().publish()
    assert client.get("/en/projects/ramp-audit/").status_code == 404
    assert client.get("/en/projects/step-free-audit/").status_code == 200


def test_an_unpublished_page_is_gone_at_once(client, registry):
    project = make_project(registry, title="Library hours poll")
    assert client.get(project.url).status_code == 200
    project.unpublish()
    assert client.get(project.url).status_code == 404


def test_a_page_taken_offline_without_a_signal_is_not_served_from_the_memo(client, registry):
    project = make_project(registry, title="Quiet withdrawal")
    assert client.get(project.url).status_code == 200
    type(project).objects.filter(pk=project.pk).update(live=False)  # no publish signal at all
    assert client.get(project.url).status_code == 404


def test_routable_sub_pages_still_resolve_through_the_memo(client, registry):
    assert client.get(registry.url).status_code == 200
    assert client.get(registry.url).status_code == 200  # now from the memo
    response = client.get(registry.url + "register/")  # routed to the registration view,
    assert response.status_code == 302  # which sends anonymous readers to sign in first
    assert "/accounts/login/?next=" in response["Location"]
    assert client.get(registry.url + "no-such-sub-page/").status_code == 404


def test_a_warm_worker_does_not_look_the_site_up_again(client, home, registry):
    """Page addresses are built with the site the routing remembered
    (``hub.routing.page_url``, ``{% page_url %}``, ``{% routable_url %}``): without them,
    Wagtail queries for the site on the first address of every request."""
    from tests.factories.knowledge import make_guidance_index, make_guideline

    project = make_project(registry, title="Feedback loop audit")
    guidance = make_guidance_index(home)
    guideline = make_guideline(guidance, title="Working with course reps")
    urls = [
        home.url,
        registry.url,
        registry.url + "?q=audit",
        project.url,
        guidance.url,
        guidance.url + "resources/",
        guideline.url,
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url  # the routes and the site remembered
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        looked_up = [q["sql"] for q in captured.captured_queries if "wagtailcore_site" in q["sql"]]
        assert not looked_up, url
    html = client.get(registry.url + "?q=audit").content.decode()
    assert f'href="{project.url}"' in html  # the cards' links are the same relative addresses
    assert f'action="{registry.url}"' in html


def test_templates_build_page_addresses_with_the_remembered_site():
    """Wagtail's ``{% pageurl %}`` and ``{% routablepageurl %}`` look the site up again on
    every request; the site's templates use ``{% page_url %}`` and ``{% routable_url %}``."""
    from pathlib import Path

    from django.conf import settings

    found = []
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in Path(folder).rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            if "{% pageurl " in text or "{% routablepageurl " in text:
                found.append(str(path))
    assert settings.TEMPLATES[0]["DIRS"]
    assert not found


# --- Shared fragments ---------------------------------------------------------------------------


def test_an_edited_project_shows_its_new_text_everywhere_at_once(client, home, registry):
    project = make_project(registry, title="Old survey title", summary="The old summary.")
    for url in (project.url, registry.url, home.url):
        assert "Old survey title" in client.get(url).content.decode()
    project.title = "Renamed survey"
    project.summary = "A brand new summary."
    project.save_revision().publish()
    for url in (project.url, registry.url, home.url):
        html = client.get(url).content.decode()
        assert "Renamed survey" in html, url
        assert "Old survey title" not in html, url
    assert "A brand new summary." in client.get(project.url).content.decode()


def test_a_card_kept_from_one_search_serves_another(client, registry):
    survey = make_project(registry, title="Wellbeing survey", summary="Asks about sleep.")
    hours = make_project(registry, title="Library hours", summary="Longer opening.")
    client.get(registry.url + "?q=survey")  # keeps the survey's card
    with CaptureQueriesContext(connection) as captured:
        html = client.get(registry.url + "?q=survey OR hours").content.decode()
    loads = [  # (read before the next request empties the log)
        q["sql"] for q in captured.captured_queries if "projects_projectpage" in q["sql"]
    ]
    assert "Wellbeing survey" in html and "Library hours" in html
    assert any(f"IN ({hours.pk})" in sql for sql in loads), loads  # only the missing card
    assert not any(str(survey.pk) in sql.split("IN (")[-1] for sql in loads if "IN (" in sql)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(registry.url + "?q=hours").content.decode()
    assert "Library hours" in html
    assert not [q for q in captured.captured_queries if "projects_projectpage" in q["sql"]]


def test_contacts_are_never_served_from_a_fragment_to_anonymous_readers(client, registry):
    lead = make_user("lead@example.org", groups=["Staff"], first_name="Lea")
    project = make_project(registry, title="Mentoring scheme", staff_lead=lead)
    reader = make_user("reader@example.org", groups=["Officers"])
    client.force_login(reader)
    assert "lead@example.org" in client.get(project.url).content.decode()
    client.logout()
    assert "lead@example.org" not in client.get(project.url).content.decode()
    client.force_login(reader)
    assert "lead@example.org" in client.get(project.url).content.decode()


def test_a_new_member_appears_without_a_publish(client, registry):
    project = make_project(registry, title="Course reps forum")
    assert "No officers have joined yet." in client.get(project.url).content.decode()
    officer = make_user("member@example.org", groups=["Officers"], display_name="Ada Member")
    ProjectMember.objects.create(project=project, user=officer)
    html = client.get(project.url).content.decode()
    assert "Ada Member" in html
    assert "No officers have joined yet." not in html


def test_a_preview_is_never_kept_for_readers(client, registry):
    project = make_project(registry, title="Published title", summary="Published summary.")
    assert "Published title" in client.get(project.url).content.decode()
    project.title = "Unpublished draft title"
    project.outcomes = "Draft outcomes nobody may read yet."
    preview = project.make_preview_request()
    assert "Draft outcomes nobody may read yet." in preview.render().content.decode()
    html = client.get(project.url).content.decode()
    assert "Draft outcomes nobody may read yet." not in html
    assert "Unpublished draft title" not in html
    assert "Published title" in html


def test_renamed_taxonomy_labels_show_at_once(client, registry, taxonomy):
    theme = taxonomy["themes"]["wellbeing"]
    project = make_project(registry, title="Wellbeing week", themes=[theme])
    assert "Wellbeing" in client.get(project.url).content.decode()
    theme.name = "Mental health"
    theme.save()
    assert "Mental health" in client.get(project.url).content.decode()


def test_translated_theme_names_follow_the_reader_language(client, registry, taxonomy):
    from wagtail.models import Locale

    theme = taxonomy["themes"]["wellbeing"]
    german = theme.copy_for_translation(Locale.objects.get(language_code="de"))
    german.name = "Wohlbefinden"
    german.save()
    from hub.templatetags.hub_tags import localized_name

    with override("de"):
        assert localized_name(theme) == "Wohlbefinden"
    with override("en"):
        assert localized_name(theme) == theme.name
    # the memo forgets a name as soon as its translation is edited (a snippet save is content)
    german.name = "Wohlergehen"
    german.save()
    with override("de"):
        assert localized_name(theme) == "Wohlergehen"


def test_site_search_counts_every_search_and_sees_new_pages_at_once(client, registry):
    from search.models import SearchTermDay

    first_project = make_project(registry, title="Accessibility walkabout")
    first = client.get("/en/search/", {"q": "walkabout"}).content.decode()
    client.get("/en/search/", {"q": "walkabout"})
    assert sum(SearchTermDay.objects.values_list("searches", flat=True)) == 2
    assert first_project.url in first
    second_project = make_project(registry, title="Second walkabout of the campus")
    html = client.get("/en/search/", {"q": "walkabout"}).content.decode()
    assert second_project.url in html
    assert first_project.url in html
