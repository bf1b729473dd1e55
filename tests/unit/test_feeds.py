"""Atom feeds of new and updated projects and guidance, for the reader's search and filters."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from hub.feeds import FEED_SIZE
from projects.models import ProjectPage
from tests.factories import make_guidance_index, make_guideline, make_project

REGISTRY_FEED = "/en/projects/feed/"
GUIDANCE_FEED = "/en/guidance/feed/"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def published_at(page, days_ago):
    """Pretend ``page`` was last published ``days_ago`` days ago."""
    when = timezone.now() - datetime.timedelta(days=days_ago)
    type(page).objects.filter(pk=page.pk).update(last_published_at=when, first_published_at=when)


@pytest.fixture
def projects(registry, taxonomy):
    t = taxonomy["themes"]
    made = {
        "poll": make_project(
            registry, title="Wellbeing poll", summary="Monthly poll.", themes=[t["wellbeing"]]
        ),
        "audit": make_project(
            registry, title="Access audit", summary="Ramps survey.", themes=[t["accessibility"]]
        ),
        "survey": make_project(
            registry, title="Module survey", summary="Course feedback.", themes=[t["feedback"]]
        ),
    }
    published_at(made["poll"], 3)
    published_at(made["audit"], 1)
    published_at(made["survey"], 2)
    return made


def test_registry_feed_lists_newest_projects_first(client, projects):
    feed = parse(client.get(REGISTRY_FEED))
    assert [entry.title for entry in feed.entries] == [
        "Access audit",
        "Module survey",
        "Wellbeing poll",
    ]
    assert feed.feed.title == "New and updated projects"
    assert feed.feed.language == "en"
    entry = feed.entries[0]
    assert entry.link == "http://testserver/en/projects/access-audit/"
    assert entry.summary == "Ramps survey."
    assert entry.id == f"tag:testserver,2026:projects/{projects['audit'].pk}"
    assert [tag.term for tag in entry.tags] == ["Accessibility"]
    assert entry.updated_parsed


def test_registry_feed_follows_the_search_and_filters(client, projects):
    feed = parse(client.get(REGISTRY_FEED, {"theme": "feedback"}))
    assert [entry.title for entry in feed.entries] == ["Module survey"]
    assert feed.feed.link == "http://testserver/en/projects/?theme=feedback"
    feed = parse(client.get(REGISTRY_FEED, {"q": "poll"}))
    assert [entry.title for entry in feed.entries] == ["Wellbeing poll"]
    assert feed.feed.title == "New and updated projects matching “poll”"


def test_entry_ids_survive_a_new_title_and_slug(client, projects):
    before = {entry.id for entry in parse(client.get(REGISTRY_FEED)).entries}
    poll = ProjectPage.objects.get(pk=projects["poll"].pk)
    poll.title, poll.slug = "Wellbeing pulse", "wellbeing-pulse"
    poll.save_revision().publish()
    feed = parse(client.get(REGISTRY_FEED))
    assert {entry.id for entry in feed.entries} == before
    assert feed.entries[0].link == "http://testserver/en/projects/wellbeing-pulse/"


def test_feed_uses_the_configured_base_url(client, projects, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://hub.example.org"
    feed = parse(client.get(REGISTRY_FEED))
    assert feed.entries[0].link.startswith("https://hub.example.org/en/projects/")
    assert feed.entries[0].id.startswith("tag:hub.example.org,2026:")


def test_feed_holds_at_most_the_newest_fifty(client, registry, monkeypatch):
    from hub import feeds
    from projects import feeds as project_feeds

    monkeypatch.setattr(feeds, "FEED_SIZE", 2)
    monkeypatch.setattr(project_feeds, "FEED_SIZE", 2)
    for n in range(3):
        published_at(make_project(registry, title=f"Project {n}"), 10 - n)
    feed = parse(client.get(REGISTRY_FEED))
    assert [entry.title for entry in feed.entries] == ["Project 2", "Project 1"]
    assert FEED_SIZE == 50


def test_unpublished_projects_leave_the_feed(client, projects):
    projects["audit"].unpublish()
    titles = [entry.title for entry in parse(client.get(REGISTRY_FEED)).entries]
    assert "Access audit" not in titles


def test_listing_links_its_feed_and_downloads(client, projects):
    response = client.get("/en/projects/", {"theme": "feedback", "page": "1"})
    html = response.content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="New and updated projects" '
        'href="/en/projects/feed/?theme=feedback">' in html
    )
    assert 'href="/en/projects/export/csv/?theme=feedback" download' in html
    assert 'href="/en/projects/export/json/?theme=feedback" download' in html
    assert 'aria-describedby="registry-open-data-hint"' in html


@pytest.fixture
def guides(home, taxonomy):
    index = make_guidance_index(home)
    t = taxonomy["themes"]
    made = {
        "checkins": make_guideline(
            index, title="Check-in surveys", summary="Short surveys.", themes=[t["feedback"]]
        ),
        "access": make_guideline(
            index,
            title="Accessibility reviews",
            summary="Rooms and materials.",
            themes=[t["accessibility"]],
            audiences=["leaders"],
        ),
    }
    published_at(made["checkins"], 2)
    published_at(made["access"], 1)
    return made


def test_guidance_feed_lists_newest_guidelines(client, guides):
    feed = parse(client.get(GUIDANCE_FEED))
    assert [entry.title for entry in feed.entries] == ["Accessibility reviews", "Check-in surveys"]
    assert feed.feed.title == "New and updated guidance"
    assert feed.feed.language == "en"
    assert feed.entries[0].link == "http://testserver/en/guidance/accessibility-reviews/"
    assert feed.entries[0].summary == "Rooms and materials."


def test_guidance_feed_follows_filters_and_search(client, guides):
    feed = parse(client.get(GUIDANCE_FEED, {"audience": "leaders"}))
    assert [entry.title for entry in feed.entries] == ["Accessibility reviews"]
    feed = parse(client.get(GUIDANCE_FEED, {"q": "surveys", "theme": "feedback"}))
    assert [entry.title for entry in feed.entries] == ["Check-in surveys"]


def test_guidance_pages_link_their_feed(client, guides):
    html = client.get("/en/guidance/").content.decode()
    assert 'type="application/atom+xml" title="New and updated guidance"' in html
    assert 'href="/en/guidance/feed/"' in html
    html = client.get("/en/guidance/", {"theme": "feedback"}).content.decode()
    assert 'href="/en/guidance/feed/?theme=feedback"' in html


@pytest.mark.parametrize(
    "query",
    [
        {"theme": "nope", "audience": "x" * 300},
        {"q": '"( AND'},
        {"q": "\x00\u200b"},
        {"page": "9" * 30, "sort": "junk"},
        {"lang": "all", "q": "survey"},
    ],
)
def test_hostile_feed_parameters_never_fail(client, guides, projects, query):
    parse(client.get(GUIDANCE_FEED, query))
    parse(client.get(REGISTRY_FEED, query))


def test_private_fields_stay_out_of_the_guidance_feed(client, guides, people):
    text = client.get(GUIDANCE_FEED).content.decode()
    assert "@example.org" not in text


@pytest.mark.parametrize("slug", ["feed", "export"])
def test_a_project_cannot_take_an_open_data_address(registry, slug):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        make_project(registry, title="Feed", slug=slug)
    assert "slug" in error.value.message_dict


def test_a_guideline_cannot_take_the_feed_address(home):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        make_guideline(make_guidance_index(home), title="Feed", slug="feed")
    assert "slug" in error.value.message_dict
