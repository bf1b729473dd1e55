"""Plain text in, rich text out (and back), for the front-end project forms.

The forms offer a plain textarea for the description. Paragraphs (separated by a blank line)
become paragraph blocks of escaped text, so anything typed, HTML included, stays text. A
description that only holds such paragraphs can be turned back into the same plain text for
editing; richer ones (images, headings, links) are left to the admin's editor.
"""

import html
import re

from wagtail.rich_text import RichText

_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>")


def text_to_stream(text):
    """StreamField data for ``text``: one escaped paragraph block per paragraph."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n"))]
    blocks = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        lines = [html.escape(line.strip(), quote=False) for line in paragraph.split("\n")]
        blocks.append(("paragraph", RichText("<p>" + "<br/>".join(lines) + "</p>")))
    return blocks


def stream_to_text(stream):
    """The plain text of a description made only of plain paragraphs, else ``None``."""
    paragraphs = []
    for block in stream:
        if block.block_type != "paragraph":
            return None
        source = block.value.source if hasattr(block.value, "source") else str(block.value)
        if _PARAGRAPH.sub("", source).strip():
            return None
        for inner in _PARAGRAPH.findall(source):
            inner = _BREAK.sub("\n", inner)
            if "<" in inner:
                return None
            paragraphs.append(html.unescape(inner).strip())
    return "\n\n".join(p for p in paragraphs if p)
