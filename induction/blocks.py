"""StreamField blocks for induction: lessons, checklists, reflections, seats and sessions.

Lessons are the shared body of :mod:`hub.blocks` plus the steps that track progress; the
quiz, and its marking on the server, is in :mod:`induction.quiz`.
"""

import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from hub.blocks import body_blocks
from induction.quiz import QuizBlock, lesson_tracking


def role_choices():
    """Officer roles as ``(slug, name)`` pairs, in the default language (slugs never change)."""
    role_model = apps.get_model("induction", "OfficerRole")
    try:
        locale = Locale.get_default()
    except Locale.DoesNotExist:
        return []
    return list(
        role_model.objects.filter(locale=locale)
        .order_by("sort_order", "name")
        .values_list("slug", "name")
    )


# --- Lessons -------------------------------------------------------------------------------


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default=_("Checklist"))
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=500)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Items"),
        min_num=1,
        help_text=_("Things to do. The module counts as done once every item is ticked."),
    )

    class Meta:
        icon = "tasks"
        template = "induction/blocks/checklist.html"
        label = _("Checklist")
        description = _("Tasks the officer ticks off; their progress is saved item by item.")
        preview_value = {
            "title": "Before your first committee",
            "intro": "",
            "items": ["Read last term's minutes", "Meet the committee secretary"],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        tracking = lesson_tracking(context)
        block_id = context.get("id")
        submitted = tracking.get("submitted", {}).get(block_id)
        checked = set(submitted) if submitted is not None else tracking.get("ticked", set())
        context["items"] = [
            {"id": item.id, "text": item.value, "checked": item.id in checked}
            for item in value["items"].bound_blocks
        ]
        context["done"] = bool(context["items"]) and all(i["checked"] for i in context["items"])
        context["error"] = tracking.get("errors", {}).get(block_id)
        return context


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"), max_length=500)
    hint = blocks.CharBlock(label=_("Hint"), max_length=250, required=False)

    class Meta:
        icon = "help"
        template = "induction/blocks/reflection.html"
        label = _("Reflection question")
        description = _("An open question; each officer's answer is private to them.")
        preview_value = {
            "prompt": "Which decision this year matters most to the students you represent?",
            "hint": "",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        tracking = lesson_tracking(context)
        block_id = context.get("id")
        submitted = tracking.get("submitted", {}).get(block_id)
        context["answer"] = (
            submitted
            if submitted is not None
            else tracking.get("reflections", {}).get(block_id, "")
        )
        context["error"] = tracking.get("errors", {}).get(block_id)
        return context


class LessonBlock(blocks.StreamBlock):
    """A module's lessons: the shared body's blocks (reading, media, downloads), then the
    steps that track progress."""

    def __init__(self, local_blocks=None, **kwargs):
        lessons = [
            *body_blocks(
                paragraph="text",
                paragraph_label=_("Text"),
                document="resource",
                document_label=_("Downloadable resource"),
            ),
            ("checklist", ChecklistBlock()),
            ("reflection", ReflectionBlock()),
            ("quiz", QuizBlock()),
        ]
        super().__init__([*lessons, *(local_blocks or ())], **kwargs)

    class Meta:
        block_counts = {}


# --- Officer roles -------------------------------------------------------------------------


class SeatBlock(blocks.StructBlock):
    body = blocks.CharBlock(label=_("Committee or decision body"), max_length=150)
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("governing", _("Governing body")),
            ("academic", _("Academic board or committee")),
            ("committee", _("Committee or working group")),
            ("union", _("Union body")),
            ("partnership", _("Partnership forum")),
        ],
        default="committee",
        search_index=False,  # a choice's label is not the page's text
    )
    what_it_decides = blocks.TextBlock(label=_("What it decides"), required=False, max_length=500)
    meets = blocks.CharBlock(
        label=_("How often it meets"),
        required=False,
        max_length=100,
        help_text=_("For example: monthly in term time."),
    )

    class Meta:
        icon = "group"
        template = "induction/blocks/seat.html"
        label = _("Seat")
        description = _("A committee or decision body where the role holds a seat.")
        preview_value = {
            "body": "Academic Board",
            "kind": "academic",
            "what_it_decides": "Approves new courses and changes to assessment rules.",
            "meets": "Three times a year",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        choices = dict(self.child_blocks["kind"].field.choices)
        context["kind_label"] = choices.get(value["kind"], "")
        return context


# --- Programme sessions --------------------------------------------------------------------


class SessionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    date = blocks.DateBlock(label=_("Date"))
    start_time = blocks.TimeBlock(label=_("Starts"))
    end_time = blocks.TimeBlock(label=_("Ends"))
    location = blocks.CharBlock(
        label=_("Place"), required=False, max_length=200, help_text=_("Room and building.")
    )
    online_url = blocks.URLBlock(
        label=_("Online link"), required=False, help_text=_("Video call or stream address.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=2000)
    roles = blocks.MultipleChoiceBlock(
        label=_("Who should attend"),
        choices=role_choices,
        required=False,
        help_text=_("Leave empty when every officer should attend."),
        search_index=False,  # a choice's label is not the page's text
    )

    class Meta:
        icon = "date"
        template = "induction/blocks/session.html"
        label = _("Session")
        description = _("A session of the induction programme, with its time and place.")
        preview_value = {
            "title": "Welcome and introductions",
            "date": datetime.date(2027, 7, 5),
            "start_time": datetime.time(9, 30),
            "end_time": datetime.time(11, 0),
            "location": "Union building, meeting room 1",
            "description": "Meet the staff team and the other new officers.",
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["start_time"] and value["end_time"] and value["end_time"] <= value["start_time"]:
            errors["end_time"] = ValidationError(_("A session must end after it starts."))
        if not value["location"] and not value["online_url"]:
            errors["location"] = ValidationError(_("Give a place, an online link, or both."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class ScheduleBlock(blocks.StreamBlock):
    session = SessionBlock()

    class Meta:
        block_counts = {}


# --- Helpers used by views and templates ---------------------------------------------------


def checklist_item_ids(lessons):
    """Every checklist item's stable id in a lessons stream, in reading order."""
    ids = []
    for block in lessons:
        if block.block_type == "checklist":
            ids.extend(item.id for item in block.value["items"].bound_blocks)
    return ids


def quiz_ids(lessons):
    return [block.id for block in lessons if block.block_type == "quiz"]
