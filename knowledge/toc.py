"""Table of contents and reading time for a guideline's body.

Anchors are computed once per page, here, and handed both to the table of contents and to
the heading blocks when they render, so links and ids always agree: unique even when two
headings read the same, and kept in the reader's script (``allow_unicode``) so headings in
Greek, Cyrillic or Chinese get readable anchors too.
"""

import math
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import slugify

WORDS_PER_MINUTE = 200
MAX_ANCHOR_LENGTH = 80
FALLBACK_ANCHOR = "section"

# Ids the guideline template uses for its own landmarks; headings never take them.
RESERVED_IDS = frozenset(
    {
        "main",
        "toc",
        "toc-heading",
        "review-note",
        "resources-heading",
        "related-guidance-heading",
        "related-projects-heading",
        "feedback",
        "feedback-heading",
        "feedback-errors",
        "feedback-comment",
        "feedback-comment-hint",
    }
)


@dataclass
class TocEntry:
    anchor: str
    text: str
    level: int
    children: list = field(default_factory=list)


def unique_anchor(text, used):
    """A slug for ``text`` not yet in ``used`` (which it joins)."""
    base = slugify(text, allow_unicode=True)[:MAX_ANCHOR_LENGTH].strip("-_") or FALLBACK_ANCHOR
    anchor, number = base, 2
    while anchor in used:
        anchor = f"{base}-{number}"
        number += 1
    used.add(anchor)
    return anchor


def build_outline(stream):
    """``(entries, anchors)``: TOC entries, and each block's anchor by position (or None)."""
    used = set(RESERVED_IDS)
    entries, anchors = [], []
    for child in stream:
        if child.block_type != "heading":
            anchors.append(None)
            continue
        text = (child.value.get("text") or "").strip()
        anchor = unique_anchor(text, used)
        level = 3 if child.value.get("level") == "h3" else 2
        entries.append(TocEntry(anchor=anchor, text=text, level=level))
        anchors.append(anchor)
    return entries, anchors


def nest(entries):
    """Sections with their subsections, for a nested list (an h3 before any h2 stays on top)."""
    tree = []
    for entry in entries:
        if entry.level == 3 and tree and tree[-1].level == 2:
            tree[-1].children.append(entry)
        else:
            tree.append(entry)
    return tree


def count_words(*texts):
    return sum(len(strip_tags(str(text)).split()) for text in texts if text)


def reading_minutes(stream, *extra_texts):
    """Minutes an average reader needs for the body (at least one)."""
    content = []
    if stream is not None:
        content = stream.stream_block.get_searchable_content(stream)
    words = count_words(*content, *extra_texts)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
