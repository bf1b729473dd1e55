"""Safe, marked-up excerpts of search results.

Everything that comes out of here is escaped HTML in which only ``<mark>`` tags are markup:
engine fragments are re-escaped piece by piece, and server-side snippets are built from plain
text. Words are matched case-insensitively at the start of a word, so "survey" marks "Surveys".
"""

import html
import logging
import re

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch.index import SearchField
from wagtail.fields import RichTextField, StreamField

from search import stemming
from search.languages import query_language

logger = logging.getLogger(__name__)
SNIPPET_LENGTH = 220
_MARK_SPLIT = re.compile(r"(</?mark>)")
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def safe_fragment(fragment):
    """Re-escape an engine fragment, keeping only balanced ``<mark>`` tags."""
    out, open_mark = [], False
    for part in _MARK_SPLIT.split(fragment):
        if part == "<mark>":
            if not open_mark:
                out.append(part)
                open_mark = True
        elif part == "</mark>":
            if open_mark:
                out.append(part)
                open_mark = False
        else:
            out.append(escape(html.unescape(part)))
    if open_mark:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above


def _pattern(words):
    words = [w.casefold() for w in words if w]
    # A word's stem in the reader's language marks its other forms, whole ("surveys": "Survey").
    roots = [rf"{re.escape(root)}\w*" for root in stemming.roots(words, query_language())]
    unique = sorted({re.escape(w) for w in words} | set(roots), key=len, reverse=True)[:20]
    if not unique:
        return None
    return re.compile(r"\b(" + "|".join(unique) + r")", re.IGNORECASE)


def mark(text, words):
    """``text`` escaped, with the query's words wrapped in ``<mark>``."""
    text = str(text or "")
    pattern = _pattern(words)
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append("<mark>" + escape(match.group(0)) + "</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above


def _is_markup(model, name):
    try:
        return isinstance(model._meta.get_field(name), (RichTextField, StreamField))
    except FieldDoesNotExist:
        return False


def _texts(page):
    """The page's searchable text, most telling first: description, then its text fields.

    Plain text fields are quoted as written (escaped later); rich text and stream fields lose
    their markup.
    """
    if getattr(page, "search_description", ""):
        yield page.search_description
    for search_field in type(page).get_search_fields():
        if type(search_field) is not SearchField or search_field.field_name == "title":
            continue
        try:
            value = search_field.get_value(page)
        except Exception:  # a broken computed field must not break the results page
            logger.warning(
                "Could not read %s of %r for a snippet", search_field, page, exc_info=True
            )
            continue
        if isinstance(value, (list, tuple)):
            value = " ".join(str(v) for v in value if v)
        if value:
            yield (
                strip_tags(str(value)) if _is_markup(type(page), search_field.field_name) else value
            )


def text_of(page):
    return " ".join(" ".join(t.split()) for t in _texts(page))


def snippet(page, words, length=SNIPPET_LENGTH):
    """An excerpt of ``page`` around the first query word, with the words marked."""
    text = text_of(page)
    if not text:
        return ""
    pattern = _pattern(words)
    match = pattern.search(text) if pattern else None
    if match is None or match.start() < length // 3:
        start = 0
    else:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    excerpt = text[start : start + length]
    if start + length < len(text):
        cut = excerpt.rfind(" ")
        excerpt = (excerpt[:cut] if cut > length // 2 else excerpt) + "…"
    if start > 0:
        excerpt = "…" + excerpt
    return mark(excerpt, words)


def query_words(query):
    return _WORD_RE.findall(query or "")
