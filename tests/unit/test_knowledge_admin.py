"""Editors' side: alt text enforcement, the review-due and feedback reports, resources admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from knowledge.models import Feedback, GuidelinePage
from tests.factories import make_guidance_index, make_guideline, make_image, make_user

REVIEW_DUE = "/admin/reports/guidance/review-due/"
FEEDBACK = "/admin/reports/guidance/feedback/"


@pytest.fixture
def guidance(home):
    return make_guidance_index(home)


@pytest.fixture
def editor(db):
    return make_user("editor@example.org", groups=["Editors"])


@pytest.fixture
def staff(db):
    return make_user("staff@example.org", groups=["Staff"])


# --- Images without alt text cannot be published -------------------------------------------


def guideline_form(image_block):
    return nested_form_data(
        {
            "title": "Accessible rooms",
            "slug": "accessible-rooms",
            "summary": "Checking rooms with students.",
            "body": streamfield([("image", image_block)]),
            "last_reviewed": "2025-09-01",
            "review_by": "",
            "resource_links": inline_formset([]),
            "related_guidance_links": inline_formset([]),
            "related_project_links": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )


def test_admin_refuses_to_publish_an_image_without_alt_text(client, editor, guidance):
    image = make_image()
    client.force_login(editor)
    add_url = f"/admin/pages/add/knowledge/guidelinepage/{guidance.pk}/"
    response = client.post(
        add_url, guideline_form({"image": image.pk, "alt_text": "", "caption": ""})
    )
    assert response.status_code == 200  # the form comes back with errors
    assert "This field is required" in response.content.decode()
    assert not GuidelinePage.objects.filter(slug="accessible-rooms").exists()

    response = client.post(
        add_url,
        guideline_form(
            {"image": image.pk, "alt_text": "Students in a lecture room", "caption": ""}
        ),
    )
    assert response.status_code == 302
    page = GuidelinePage.objects.get(slug="accessible-rooms")
    assert page.live
    assert page.body[0].value["alt_text"] == "Students in a lecture room"


def test_publishing_in_code_also_refuses_missing_alt_text(guidance):
    image = make_image()
    page = GuidelinePage(
        title="Rooms",
        summary="Rooms.",
        body=[("image", {"image": image, "alt_text": "  ", "caption": ""})],
    )
    with pytest.raises(ValidationError) as error:
        guidance.add_child(instance=page)
    assert "body" in error.value.message_dict
    assert not GuidelinePage.objects.filter(title="Rooms").exists()


def test_an_image_with_alt_text_renders_it(client, guidance):
    image = make_image()
    page = make_guideline(
        guidance, body=[("image", {"image": image, "alt_text": "A full room", "caption": ""})]
    )
    assert 'alt="A full room"' in client.get(page.url).content.decode()


# --- Review-due report ---------------------------------------------------------------------


@pytest.fixture
def due(guidance):
    today = timezone.localdate()
    overdue = make_guideline(
        guidance,
        title="Old advice",
        last_reviewed=today - datetime.timedelta(days=500),
        review_by=today - datetime.timedelta(days=30),
    )
    make_guideline(guidance, title="Fresh advice", review_by=today + datetime.timedelta(days=30))
    make_guideline(guidance, title="No review date", review_by=None)
    return overdue


def test_review_due_report_lists_overdue_guidance_for_editors(client, editor, due):
    client.force_login(editor)
    response = client.get(REVIEW_DUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Guidance due for review" in html
    assert "Old advice" in html
    assert "Fresh advice" not in html and "No review date" not in html
    assert f"/admin/pages/{due.pk}/edit/" in html
    assert ">30<" in html.replace(" ", "").replace("\n", "")  # days overdue


def test_review_due_report_exports_csv(client, editor, due):
    client.force_login(editor)
    response = client.get(REVIEW_DUE, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Old advice" in content and "Days overdue" in content


def test_review_due_report_lists_only_guidance_the_user_may_edit(client, staff, due):
    # Staff hold page permissions on the registry (to register projects), so Wagtail lets them
    # open the report, but it lists only pages they may change: no guidance.
    client.force_login(staff)
    response = client.get(REVIEW_DUE)
    assert response.status_code == 200
    assert "Old advice" not in response.content.decode()
    client.logout()
    response = client.get(REVIEW_DUE)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# --- Feedback report -----------------------------------------------------------------------


@pytest.fixture
def answered(guidance):
    page = make_guideline(guidance, title="Check-ins")
    other = make_guideline(guidance, title="Agreements")
    make_guideline(guidance, title="Nobody answered")
    Feedback.objects.create(page=page, helpful=True, comment="Very clear.")
    Feedback.objects.create(page=page, helpful=True)
    Feedback.objects.create(page=page, helpful=False, comment="Needs an example.")
    Feedback.objects.create(page=other, helpful=False)
    return page


def test_feedback_report_shows_totals_per_guideline(client, editor, answered):
    client.force_login(editor)
    response = client.get(FEEDBACK)
    assert response.status_code == 200
    rows = {page.title: page for page in response.context["object_list"]}
    assert set(rows) == {"Check-ins", "Agreements"}
    assert (rows["Check-ins"].yes, rows["Check-ins"].no, rows["Check-ins"].comments) == (2, 1, 2)
    assert rows["Check-ins"].share == 67
    assert f"/admin/reports/guidance/feedback/{answered.pk}/" in response.content.decode()


def test_feedback_detail_lists_comments(client, editor, answered):
    client.force_login(editor)
    response = client.get(f"{FEEDBACK}{answered.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Feedback on “Check-ins”" in html
    assert "Very clear." in html and "Needs an example." in html
    only_comments = client.get(f"{FEEDBACK}{answered.pk}/", {"with_comment": "true"})
    assert len(only_comments.context["object_list"]) == 2
    assert client.get(f"{FEEDBACK}999999/", follow=True).status_code == 404


def test_feedback_reports_need_the_view_permission(client, staff, answered):
    client.force_login(staff)
    for address in (FEEDBACK, f"{FEEDBACK}{answered.pk}/"):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


def test_editors_can_manage_resources(client, editor):
    client.force_login(editor)
    response = client.get("/admin/snippets/knowledge/resource/")
    assert response.status_code == 200
    response = client.get("/admin/snippets/knowledge/resource/add/")
    assert response.status_code == 200


# --- Editing and previewing ----------------------------------------------------------------


def test_editors_can_open_both_page_types_in_the_admin(client, editor, guidance):
    page = make_guideline(guidance)
    client.force_login(editor)
    assert client.get(f"/admin/pages/{guidance.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Related guidance" in html and "Related projects" in html
    add_url = f"/admin/pages/add/knowledge/guidelinepage/{guidance.pk}/"
    assert client.get(add_url).status_code == 200


def test_a_new_guideline_can_be_previewed_before_it_is_saved(client, editor, guidance):
    image = make_image()
    client.force_login(editor)
    preview_url = f"/admin/pages/add/knowledge/guidelinepage/{guidance.pk}/preview/"
    data = guideline_form({"image": image.pk, "alt_text": "A room", "caption": ""})
    response = client.post(preview_url, data)
    assert response.status_code == 200
    assert response.json()["is_valid"] is True
    response = client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Accessible rooms</h1>" in html
    assert 'alt="A room"' in html


def test_a_saved_guideline_and_the_index_can_be_previewed(guidance):
    page = make_guideline(guidance, title="Previewed")
    response = page.make_preview_request()
    assert response.status_code == 200
    assert "<h1>Previewed</h1>" in response.content.decode()
    response = guidance.make_preview_request()
    assert response.status_code == 200
    assert "Previewed" in response.content.decode()
