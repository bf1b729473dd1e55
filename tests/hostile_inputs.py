"""Hostile values, the routes to aim them at, and the forms found on a page.

The building blocks of ``tests/unit/test_hostile_input.py``: generated path segments and
form values (huge ids, NUL, quotes, ``../``, Unicode digits, long and random text), every
route of the URL configuration and of the routable pages with their converters, and an HTML
parser that reads a page's forms (their field names and offered values).
"""

import re
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from hypothesis import strategies as st
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from hub.inputs import MAX_ID

OUR_APPS = {"hub", "projects", "knowledge", "induction", "search"}

# --- Hostile values --------------------------------------------------------------------------

HUGE_IDS = [str(MAX_ID), str(MAX_ID + 1), "99999999999999999999", "1" + "0" * 40]
SPECIALS = [
    "",
    " ",
    '"',
    "'",
    "''",
    '";--',
    "\x00",
    "a\x00b",
    "%00",
    "../",
    "../../etc/passwd",
    "..%2f..%2f",
    "%",
    "%%",
    "\\",
    "²",
    "٣",
    "５",
    "-1",
    "0",
    "1.5",
    "1e309",
    "NaN",
    "true",
    "null",
    "[]",
    "{}",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "//evil.example/",
    "https://evil.example/",
    "foo",
    "mine",
    "admin",
    "\r\nSet-Cookie: x=1",
    "\u202e",
    "\ufeff",
    "😀",
    "👩🏽‍🎓",
    "ǅ",
    "\ud7ff",
    "AND",
    "*",
    "title:x",
    "x" * 300,
    "é" * 3000,
    "/" * 50,
    *HUGE_IDS,
]
PARAMS = [
    "q",
    "page",
    "sort",
    "theme",
    "status",
    "stage",
    "unit",
    "campus",
    "open",
    "next",
    "project",
    "state",
    "search",
    "search_operator",
    "offset",
    "limit",
    "order",
    "type",
    "fields",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "html_path",
    "id",
    "year",
    "period",
    "led",
    "joined",
    "asked",
    "title",
    "summary",
    "language",
    "audience",
    "all",
    "format",
    "action",
    "p",
    "ordering",
    "filter",
    "tag",
    "collection_id",
    "before",
    "after",
    "content_type",
]
FORM_NAMES = [
    "action",
    "next",
    "comment",
    "note",
    "message",
    "how_to_help",
    "helpful",
    "role",
    "text",
    "block",
    "item",
    "project",
    "projects",
    "themes",
    "campuses",
    "lead_unit",
    "union_contact",
    "title",
    "summary",
    "description",
    "status",
    "token",
    "code",
    "username",
    "password",
    "q",
    "project_query",
    "language",
    "display_name",
    "preferred_language",
    "confirm",
]

text = st.text(max_size=40)
specials = st.sampled_from(SPECIALS)


def hostile(known_ids=()):
    options = [specials, text, st.integers(-5, 60).map(str)]
    if known_ids:
        options.append(st.sampled_from(known_ids).map(str))
    return st.one_of(*options)


def segment_for(converter, known_ids, known_slugs):
    """A strategy for one path-converter value (may or may not match the converter)."""
    if converter in ("int", "id"):
        return st.one_of(
            st.sampled_from(known_ids).map(str),
            st.integers(0, 1000).map(str),
            st.sampled_from(HUGE_IDS),
            specials,
        )
    if converter == "slug":
        return st.one_of(
            st.sampled_from(known_slugs), st.from_regex(r"[-\w]{1,40}", fullmatch=True), specials
        )
    if converter == "uuid":
        return st.one_of(st.uuids().map(str), specials)
    if converter == "path":
        return st.one_of(
            st.lists(st.one_of(text, specials), min_size=1, max_size=4).map("/".join), specials
        )
    return st.one_of(st.sampled_from(known_slugs), text.filter(bool), specials)


# --- The routes ------------------------------------------------------------------------------

_CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _route_parts(pattern):
    """``pattern`` as a list of ("literal", text) / ("convert", name) / ("regex", regex)."""
    if isinstance(pattern, LocalePrefixPattern):
        return [("locale", None)]
    if isinstance(pattern, RegexPattern):
        return [("regex", str(pattern))]
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        parts, position = [], 0
        for match in _CONVERTER.finditer(route):
            parts.append(("literal", route[position : match.start()]))
            parts.append(("convert", match["converter"] or "str"))
            position = match.end()
        parts.append(("literal", route[position:]))
        return parts
    raise AssertionError(f"unknown pattern type {pattern!r}")


# Wagtail's deliberate error page (/admin/failwhale/), for testing error reporting: it raises
# whatever it is sent.
DELIBERATE_ERRORS = {"wagtailadmin_error_test"}


def walk(resolver=None, prefix=()):
    """``(parts, ours)`` for every URL pattern; ``ours``: a view of this project's apps."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        parts = (*prefix, *_route_parts(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from walk(pattern, parts)
        elif isinstance(pattern, URLPattern) and pattern.name not in DELIBERATE_ERRORS:
            module = getattr(pattern.callback, "__module__", "") or ""
            yield parts, module.split(".")[0] in OUR_APPS


def subpage_routes():
    """Routable pages' own routes, as parts relative to the page's address."""
    routes = {}
    for model in {type(page.specific) for page in Page.objects.filter(depth__gt=1)}:
        if issubclass(model, RoutablePageMixin):
            routes[model] = [tuple(_route_parts(sub.pattern)) for sub in model.get_subpage_urls()]
    return routes


@st.composite
def address(draw, parts, known_ids, known_slugs):
    out = []
    for kind, value in parts:
        if kind == "literal":
            out.append(value)
        elif kind == "locale":
            out.append(draw(st.sampled_from(["en/", "en/", "de/", "pl/", "xx/"])))
        elif kind == "regex":
            generated = draw(st.from_regex(value, fullmatch=True))
            out.append(quote(generated, safe="/"))
        else:
            generated = draw(segment_for(value, known_ids, known_slugs))
            out.append(quote(generated, safe="/" if value == "path" else ""))
    return "/" + "".join(out)


# --- Forms on a page -------------------------------------------------------------------------


class FormFinder(HTMLParser):
    """Each ``<form>``'s action and its fields' names and offered values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(attrs.get("action") or "")
        elif tag in ("input", "select", "textarea", "button") and attrs.get("name"):
            self._current = attrs["name"]
            values = self.fields.setdefault(attrs["name"], set())
            if attrs.get("value") is not None:
                values.add(attrs["value"])
        elif tag == "option" and getattr(self, "_current", None):
            if attrs.get("value") is not None:
                self.fields[self._current].add(attrs["value"])


def forms_on(response):
    finder = FormFinder()
    if "text/html" in response.get("Content-Type", ""):
        finder.feed(response.content.decode(errors="replace"))
    actions = []
    for action in finder.forms:
        parts = urlsplit(action)
        if not parts.netloc and action.startswith("/"):
            actions.append(action)
    return actions, {name: sorted(values) for name, values in finder.fields.items()}
