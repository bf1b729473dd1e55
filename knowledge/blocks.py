"""StreamField blocks for guidance: checklists, tables and practice examples.

The guideline body reuses the shared :class:`hub.blocks.BodyBlock` (headings, paragraphs,
callouts, quotes, images with required alt text, video, downloads) and adds the blocks that
only guidance needs.
"""

import copy
import re

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from hub.blocks import BodyBlock

_CELL_PATH = re.compile(r"^cell-(\d+)-(\d+)$")


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=150,
        required=False,
        help_text=_("For example: Before the first meeting."),
    )
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Items"),
        min_num=1,
        max_num=30,
    )

    class Meta:
        icon = "tasks"
        template = "knowledge/blocks/checklist.html"
        label = _("Checklist")
        description = _("A list of steps or checks readers can work through and print.")
        preview_value = {
            "title": "Before the meeting",
            "items": ["Send the papers a week ahead", "Book an accessible room"],
        }


class GuidanceTableBlock(TableBlock):
    """A table with a caption, scrollable on small screens and translatable cell by cell."""

    class Meta:
        icon = "table"
        template = "knowledge/blocks/table.html"
        label = _("Table")
        description = _("A simple table; give it a caption and a header row for screen readers.")
        preview_value = {
            "table_caption": "Who does what",
            "first_row_is_table_header": True,
            "table_header_choice": "row",
            "data": [["Who", "Responsible for"], ["Union", "Recruiting representatives"]],
        }

    def get_translatable_segments(self, value):
        """The caption and every non-empty cell, for wagtail-localize."""
        from wagtail_localize.segments import StringSegmentValue

        if not value:
            return []
        segments = []
        caption = (value.get("table_caption") or "").strip()
        if caption:
            segments.append(StringSegmentValue("caption", caption))
        for row_number, row in enumerate(value.get("data") or []):
            for col_number, cell in enumerate(row or []):
                if cell is not None and str(cell).strip():
                    path = f"cell-{row_number}-{col_number}"
                    segments.append(StringSegmentValue(path, str(cell)))
        return segments

    def restore_translated_segments(self, value, segments):
        """Put translated captions and cells back into a copy of the table."""
        value = copy.deepcopy(value) if value else {}
        data = value.get("data") or []
        for segment in segments:
            text = segment.render_text() if hasattr(segment, "render_text") else segment.data
            if segment.path == "caption":
                value["table_caption"] = text
                continue
            match = _CELL_PATH.match(segment.path)
            if match:
                row_number, col_number = int(match.group(1)), int(match.group(2))
                if row_number < len(data) and col_number < len(data[row_number]):
                    data[row_number][col_number] = text
        return value


class PracticeExampleBlock(blocks.StructBlock):
    institution = blocks.CharBlock(
        label=_("Institution"),
        max_length=150,
        help_text=_("The college, university or union whose practice this describes."),
    )
    place = blocks.CharBlock(
        label=_("Where"), max_length=120, required=False, help_text=_("City or country.")
    )
    challenge = blocks.TextBlock(
        label=_("What they wanted to change"), max_length=800, help_text=_("One or two sentences.")
    )
    approach = blocks.RichTextBlock(
        label=_("What they did"), features=["bold", "italic", "link", "ul", "ol"]
    )
    result = blocks.TextBlock(
        label=_("What happened"), max_length=800, required=False, help_text=_("Results so far.")
    )
    project = blocks.PageChooserBlock(
        label=_("Project in the registry"),
        page_type="projects.ProjectPage",
        required=False,
        help_text=_("Link the registry entry if the work is a project here."),
    )

    class Meta:
        icon = "group"
        template = "knowledge/blocks/practice_example.html"
        label = _("Practice example")
        description = _("How one institution did it: the challenge, the approach, the result.")
        preview_value = {
            "institution": "Riverside College",
            "place": "Ljubljana",
            "challenge": "Course feedback arrived too late to change anything.",
            "approach": "<p>A three-question check-in in week three of every module.</p>",
            "result": "Two timetable changes in the first term.",
        }


class GuidelineBodyBlock(BodyBlock):
    """The shared body plus checklists, tables and practice examples."""

    def __init__(self, local_blocks=None, **kwargs):
        guidance = [
            ("checklist", ChecklistBlock()),
            ("table", GuidanceTableBlock()),
            ("practice_example", PracticeExampleBlock()),
        ]
        super().__init__([*guidance, *(local_blocks or ())], **kwargs)
