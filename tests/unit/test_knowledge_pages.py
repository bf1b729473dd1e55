"""Guidance pages: rendering, the table of contents, reading time, review dates and blocks."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from hub.models import HomePage
from knowledge.blocks import GuidanceTableBlock, GuidelineBodyBlock
from knowledge.models import GuidelinePage, KnowledgeIndexPage
from knowledge.toc import build_outline, reading_minutes
from projects.models import ProjectIndexPage
from tests.factories import (
    body,
    heading,
    make_guidance_index,
    make_guideline,
    paragraph,
)


@pytest.fixture
def guidance(home):
    return make_guidance_index(home)


def ids_in(html):
    return re.findall(r'\sid="([^"]+)"', html)


def toc_links(html):
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    return re.findall(r'href="#([^"]+)"', toc)


# --- Page tree rules ----------------------------------------------------------------------


def test_page_types_sit_where_they_belong(guidance):
    assert KnowledgeIndexPage.can_exist_under(HomePage())
    assert not KnowledgeIndexPage.can_exist_under(ProjectIndexPage())
    assert GuidelinePage.can_exist_under(guidance)
    assert not GuidelinePage.can_exist_under(HomePage())
    assert GuidelinePage.allowed_subpage_models() == []
    assert KnowledgeIndexPage.allowed_subpage_models() == [GuidelinePage]


def test_guidance_is_linked_from_the_home_page_menu(client, guidance):
    html = client.get("/en/").content.decode()
    assert 'href="/en/guidance/"' in html


# --- The guidance home --------------------------------------------------------------------


def test_guidance_home_shows_sections(client, guidance, taxonomy):
    themes = taxonomy["themes"]
    first = make_guideline(
        guidance, title="Who takes part", themes=[themes["feedback"]], audiences=["staff"]
    )
    make_guideline(guidance, title="Accessibility reviews", themes=[themes["accessibility"]])
    guidance.featured_links.create(guideline=first)
    guidance.save_revision().publish()

    response = client.get("/en/guidance/")
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["listing"].is_browsing
    assert [g.title for g in response.context["featured"]] == ["Who takes part"]
    # Featured guidance is not repeated among the newest.
    assert [g.title for g in response.context["newest"]] == ["Accessibility reviews"]
    assert [t.value for t in response.context["topics"]] == ["accessibility", "feedback"]
    assert "Browse by audience" in html
    assert 'href="/en/guidance/?audience=staff"' in html
    assert 'href="/en/guidance/resources/"' in html


def test_guidance_home_without_guidance_says_so(client, guidance):
    response = client.get("/en/guidance/")
    assert response.status_code == 200
    assert "No guidance has been published yet." in response.content.decode()


# --- A guideline --------------------------------------------------------------------------


def test_guideline_renders_every_part(client, guidance, taxonomy):
    page = make_guideline(
        guidance,
        title="Writing a partnership agreement",
        summary="What to put in a first agreement.",
        themes=[taxonomy["themes"]["feedback"]],
        audiences=["leaders", "learners"],
        review_by=datetime.date(2099, 1, 1),
        body=body(
            heading("What to include"),
            paragraph("<p>Principles and priorities.</p>"),
            ("callout", {"kind": "tip", "title": "Keep it short", "text": "<p>Four pages.</p>"}),
            ("checklist", {"title": "Sections", "items": ["Principles", "Priorities"]}),
            ("quote", {"quote": "It changed how we work.", "attribution": "An officer"}),
            (
                "table",
                {
                    "table_caption": "Who does what",
                    "first_row_is_table_header": True,
                    "table_header_choice": "row",
                    "data": [["Who", "Does"], ["Union", "Recruits representatives"]],
                },
            ),
            (
                "practice_example",
                {
                    "institution": "Riverside College",
                    "place": "Maribor",
                    "challenge": "Feedback came too late.",
                    "approach": "<p>Check-ins in week three.</p>",
                    "result": "Two changes.",
                    "project": None,
                },
            ),
        ),
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Writing a partnership agreement</h1>" in html
    assert "What to put in a first agreement." in html
    assert "Managers and institutional leaders" in html
    assert 'class="checklist"' in html and "<li>Principles</li>" in html
    assert "<caption>Who does what</caption>" in html
    assert '<th scope="col"' in html
    assert 'aria-label="Practice example: Riverside College"' in html
    assert "Feedback came too late." in html
    assert "It changed how we work." in html
    assert "1 January 2099" in html or "Jan. 1, 2099" in html
    assert 'id="review-note"' not in html
    assert "knowledge-feedback.js" in html and "css/hub." in html  # one stylesheet


def test_overdue_guideline_shows_a_gentle_note(client, guidance):
    today = timezone.localdate()
    page = make_guideline(
        guidance,
        last_reviewed=today - datetime.timedelta(days=400),
        review_by=today - datetime.timedelta(days=1),
    )
    assert page.is_overdue
    html = client.get(page.url).content.decode()
    assert 'id="review-note"' in html
    assert "due for its regular review" in html


def test_unpublished_guideline_is_not_served(client, guidance):
    page = make_guideline(guidance)
    page.unpublish()
    assert client.get(page.url).status_code == 404


# --- Table of contents --------------------------------------------------------------------


def test_toc_anchors_match_heading_ids_even_when_headings_repeat(client, guidance):
    page = make_guideline(
        guidance,
        body=body(
            heading("Before the course"),
            paragraph("<p>Survey.</p>"),
            heading("Checklist", "h3"),
            heading("During the course"),
            heading("Checklist", "h3"),
            heading("Before the course"),
        ),
    )
    html = client.get(page.url).content.decode()
    links = toc_links(html)
    assert links == [
        "before-the-course",
        "checklist",
        "during-the-course",
        "checklist-2",
        "before-the-course-2",
    ]
    ids = ids_in(html)
    for anchor in links:
        assert ids.count(anchor) == 1, anchor
    # Every id on the page is unique, including the page's own landmarks.
    assert len(ids) == len(set(ids))


def test_toc_nests_subsections_under_sections(client, guidance):
    page = make_guideline(
        guidance,
        body=body(heading("Rooms"), heading("Lifts", "h3"), heading("Materials")),
    )
    toc, _items = page.outline()
    assert [(entry.text, [c.text for c in entry.children]) for entry in toc] == [
        ("Rooms", ["Lifts"]),
        ("Materials", []),
    ]
    html = client.get(page.url).content.decode()
    assert re.search(r'href="#rooms">Rooms</a>\s*<ol><li><a href="#lifts">', html)


def test_toc_keeps_non_latin_headings_readable_and_unique(client, guidance):
    page = make_guideline(
        guidance,
        body=body(
            heading("Что делать дальше"),
            heading("Что делать дальше"),
            heading("Συμμετοχή φοιτητών"),
            heading("学生参与"),
            heading("Prüfungsformen überdenken"),
            heading("!!!"),
            heading("???"),
        ),
    )
    entries, anchors = build_outline(page.body)
    assert anchors == [entry.anchor for entry in entries]
    assert anchors == [
        "что-делать-дальше",
        "что-делать-дальше-2",
        "συμμετοχή-φοιτητών",
        "学生参与",
        "prüfungsformen-überdenken",
        "section",
        "section-2",
    ]
    html = client.get(page.url).content.decode()
    ids = ids_in(html)
    for anchor in anchors:
        assert f'href="#{anchor}"' in html
        assert ids.count(anchor) == 1


def test_headings_never_take_the_ids_of_page_landmarks(guidance):
    page = make_guideline(guidance, body=body(heading("Feedback"), heading("TOC")))
    entries, _anchors = build_outline(page.body)
    assert [entry.anchor for entry in entries] == ["feedback-2", "toc-2"]


def test_a_guideline_without_headings_has_no_toc(client, guidance):
    page = make_guideline(guidance, body=body(paragraph("<p>Just one paragraph.</p>")))
    html = client.get(page.url).content.decode()
    assert 'class="toc"' not in html


def test_shared_heading_block_still_slugifies_on_its_own():
    from hub.blocks import HeadingBlock

    html = HeadingBlock().render({"text": "Getting started", "level": "h2"})
    assert 'id="getting-started"' in html


# --- Reading time, validation -------------------------------------------------------------


def test_reading_time_counts_every_block(guidance):
    words = " ".join(["word"] * 450)
    page = make_guideline(
        guidance,
        summary="Short summary.",
        body=body(
            paragraph(f"<p>{words}</p>"),
            ("checklist", {"title": "", "items": [words]}),
        ),
    )
    assert page.reading_minutes == 5  # 900 body words + summary at 200 a minute, rounded up
    assert reading_minutes(None) == 1


def test_review_by_must_follow_last_review(guidance):
    page = GuidelinePage(
        title="Dates",
        summary="s",
        body=body(paragraph("<p>x</p>")),
        last_reviewed=datetime.date(2025, 5, 1),
        review_by=datetime.date(2025, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        guidance.add_child(instance=page)
    assert "review_by" in error.value.message_dict


def test_a_guideline_cannot_take_the_resource_library_address(guidance):
    page = GuidelinePage(
        title="Resources", slug="resources", summary="s", body=body(paragraph("<p>x</p>"))
    )
    with pytest.raises(ValidationError) as error:
        guidance.add_child(instance=page)
    assert "slug" in error.value.message_dict


# --- Blocks -------------------------------------------------------------------------------


def test_table_block_round_trips_translated_cells():
    block = GuidanceTableBlock()
    value = {
        "table_caption": "Who does what",
        "first_row_is_table_header": True,
        "table_header_choice": "row",
        "data": [["Who", "Does"], ["Union", None]],
    }
    segments = block.get_translatable_segments(value)
    assert [s.path for s in segments] == ["caption", "cell-0-0", "cell-0-1", "cell-1-0"]
    german = {"Who does what": "Wer tut was", "Who": "Wer", "Does": "Tut", "Union": "Vertretung"}
    for segment in segments:
        segment.string = segment.string.from_plaintext(german[segment.string.render_text()])
    translated = block.restore_translated_segments(value, segments)
    assert translated["table_caption"] == "Wer tut was"
    assert translated["data"] == [["Wer", "Tut"], ["Vertretung", None]]
    assert value["data"][0][0] == "Who"  # the source is left alone


def test_guideline_body_offers_the_guidance_blocks():
    names = set(GuidelineBodyBlock().child_blocks)
    assert {"heading", "paragraph", "callout", "quote", "image", "video", "document"} <= names
    assert {"checklist", "table", "practice_example"} <= names


def test_practice_example_links_its_registry_project(client, guidance, registry):
    from tests.factories import make_project

    project = make_project(registry, title="Mid-module check-ins")
    page = make_guideline(
        guidance,
        body=body(
            (
                "practice_example",
                {
                    "institution": "Elmsworth College",
                    "place": "",
                    "challenge": "Late feedback.",
                    "approach": "<p>Check-ins.</p>",
                    "result": "",
                    "project": project,
                },
            )
        ),
    )
    html = client.get(page.url).content.decode()
    assert f'href="{project.url}"' in html
    project.unpublish()
    html = client.get(page.url).content.decode()
    assert f'href="{project.url}"' not in html


def test_alias_pages_mark_their_content_language(guidance):
    from wagtail.models import Locale

    page = make_guideline(guidance)
    german = Locale.objects.get(language_code="de")
    home_de = guidance.get_parent().copy_for_translation(german)
    index_de = guidance.copy_for_translation(german)
    alias = page.create_alias(parent=index_de, update_locale=german)
    alias = Page.objects.get(pk=alias.pk).specific
    assert home_de.locale == german
    assert alias.content_language == "en"
    assert page.content_language == "en"
