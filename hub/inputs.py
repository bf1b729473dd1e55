"""Untrusted input, checked in one place before it reaches the database or ``redirect()``.

Everything a visitor can type into an address, a query string or a form passes through one of
these before it is used:

* **Ids** — the ``<id:…>`` path converter (registered when this module is imported) matches
  only ASCII digits and keeps values within 1..2⁶³−1, so an oversized id is a plain 404
  instead of an ``OverflowError`` on SQLite; :func:`parse_id` does the same for ids in query
  strings and form data; :class:`IdChoiceField` and :class:`IdMultipleChoiceField` are
  Django's model choice fields with that check before their query.
* **Numbers and choices in query strings** — :func:`parse_int` (ASCII digits only:
  ``str.isdigit()`` accepts ``"²"``, which ``int()`` then refuses) and :func:`parse_choice`.
* **Redirect targets** — :func:`next_url` and :func:`safe_target` give only paths on this
  site ("/…"); anything else, including a bare word that ``redirect()`` would try to reverse
  as a view name, falls back to the caller's default. :class:`NextParameterMiddleware` does
  the same for the views we do not own (Wagtail's admin) by dropping such a ``next``.
* **Text** — :func:`clean_text` for the few values read outside a form (notes, comments):
  no NUL or other control characters (PostgreSQL refuses NUL in text), bounded length.
  Forms need nothing: Django's ``CharField`` refuses NUL with a clear message.
  :class:`NullCharacterMiddleware` answers 400 to an address holding NUL and removes NUL from
  query strings, so no view, Wagtail's included, ever sees one there.
* **The net** — :class:`InputErrorMiddleware` answers 400 instead of 500 when a view we do not
  own (Wagtail's admin and API) fails on input of the wrong kind (:func:`is_input_error`).
"""

from __future__ import annotations

import logging
import os
import re
import traceback
import unicodedata
from urllib.parse import urlsplit, urlunsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import Http404, HttpResponseBadRequest, QueryDict
from django.template.loader import render_to_string
from django.urls import register_converter
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

MAX_ID = 2**63 - 1  # the largest value of a signed 64-bit column (SQLite, PostgreSQL bigint)
_DIGITS = re.compile(r"[0-9]{1,19}")


# --- Ids ---------------------------------------------------------------------------------


def parse_id(value) -> int | None:
    """``value`` as a database id (1..2⁶³−1, ASCII digits only), or ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 1 <= value <= MAX_ID else None
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


class IdConverter:
    """``<id:pk>``: a database id, 1..2⁶³−1; anything else does not match (404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError("not a database id")  # Django: this pattern does not match
        return number

    def to_url(self, value):
        number = parse_id(value if isinstance(value, int) else str(value))
        if number is None:
            raise ValueError("not a database id")  # reverse(): NoReverseMatch
        return str(number)


register_converter(IdConverter, "id")


def _is_id_or_instance(field, value):
    """Whether ``value`` may be looked up by ``field`` (a model choice field) at all."""
    if field.to_field_name is not None or isinstance(value, field.queryset.model):
        return True
    return parse_id(str(value).strip()) is not None


class IdChoiceField(forms.ModelChoiceField):
    """``ModelChoiceField`` whose submitted value must be a database id."""

    def to_python(self, value):
        if value not in self.empty_values and not _is_id_or_instance(self, value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """``ModelMultipleChoiceField`` whose submitted values must all be database ids."""

    def clean(self, value):
        # Django's own clean() refuses what is not a list; each submitted value must be an id
        # before any of them reaches the database.
        if isinstance(value, (list, tuple)):
            for each in value:
                if not _is_id_or_instance(self, each):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": each},
                    )
        return super().clean(value)


# --- Numbers and choices in query strings ------------------------------------------------


def parse_int(value, *, default=None, minimum=None, maximum=None):
    """``value`` as an int when it is ASCII digits within [minimum, maximum], else ``default``."""
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        return default
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return default
    return number


def parse_choice(value, choices, default=None):
    """``value`` when it is one of ``choices`` (compared as strings), else ``default``."""
    allowed = {str(choice) for choice in choices}
    return value if isinstance(value, str) and value in allowed else default


# --- Redirect targets --------------------------------------------------------------------


def safe_target(request, target, default) -> str:
    """``target`` as a path on this site, else ``default``.

    A full URL to this very host is reduced to its path; otherwise only "/…" is accepted: a
    URL to another host, a scheme-relative "//host", a backslash trick, a relative word like
    "foo" (which ``redirect()`` would look up as a view name) or anything with control
    characters falls back to ``default``.
    """
    if not isinstance(target, str) or any(unicodedata.category(char) == "Cc" for char in target):
        return default
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        target = urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    return target


def next_url(request, default, name="next") -> str:
    """The request's ``next`` (form data first, then query string) if safe, else ``default``."""
    target = request.POST.get(name) or request.GET.get(name)
    return safe_target(request, target, default)


# --- Text --------------------------------------------------------------------------------


def clean_text(value, max_length=None, *, multiline=True) -> str:
    """Text read outside a form: no NUL or other control characters, ends trimmed, bounded.

    Line breaks and tabs stay when ``multiline``.
    """
    if not isinstance(value, str):
        return ""
    keep = "\n\t" if multiline else ""
    text = "".join(
        char
        for char in value.replace("\r\n", "\n")
        if char in keep or unicodedata.category(char) != "Cc"
    ).strip()
    return text[:max_length] if max_length is not None else text


# Django's own wording (ProhibitNullCharactersValidator), for fields checked outside a form field.
NULL_FIELD_MESSAGE = _("Null characters are not allowed.")


def has_null(value) -> bool:
    return isinstance(value, str) and "\x00" in value


class NullCharacterMiddleware:
    """Keep NUL characters out of the address and the query string.

    A NUL in the path is a 400 Bad Request: no page has one in its address. A NUL in the query
    string is removed (``?q=a%00b`` reads as ``?q=ab``) before any view, Wagtail's included,
    sees it, so searches and filters work and PostgreSQL, which refuses NUL in text, never
    receives one. (Form fields are checked by the forms, with a message next to the field.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_null(request.path):
            return bad_request(request, NULL_MESSAGE)
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:
            cleaned = QueryDict(mutable=True)
            for key, values in QueryDict(query).lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            request.META["QUERY_STRING"] = cleaned.urlencode()
            request.GET = QueryDict(request.META["QUERY_STRING"])
        return self.get_response(request)


FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class NextParameterMiddleware:
    """Drop a ``next`` (query string or form) that is not a path on this site.

    Wagtail's admin views redirect to ``next`` after their action when Django's host check
    passes, and a bare word such as ``next=4`` passes it: ``redirect()`` then looks the word up
    as a view name and fails with a 500, after the page was already unpublished. Without the
    parameter those views go where they go by default; a ``next`` on this site is kept as
    :func:`safe_target` gives it (a full URL to this host becomes its path).
    """

    name = "next"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = self._cleaned(request, request.GET)
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            request.POST = self._cleaned(request, request.POST)
        return self.get_response(request)

    def _cleaned(self, request, data):
        values = data.getlist(self.name)
        if not values:
            return data
        kept = [safe_target(request, value, None) for value in values]
        kept = [value for value in kept if value is not None]
        if kept == values:
            return data
        data = data.copy()
        data.setlist(self.name, kept)
        if not kept:
            del data[self.name]
        data._mutable = False
        return data


NULL_MESSAGE = _("The address contains a character that is not allowed (a null character).")
BAD_INPUT_MESSAGE = _(
    "The hub could not understand this request: something in the address or the form was "
    "missing or not of the right kind. Go back and try again."
)


def is_input_error(error) -> bool:
    """Whether ``error`` can only have come from malformed request data.

    * a request parameter the view expected was not sent (``MultiValueDictKeyError``);
    * a value of the wrong kind reached a query: Django's field conversion refused it (a word
      where an id belongs), SQLite could not bind it (an integer beyond 64 bits), or the
      database refused it (``DataError``: PostgreSQL and NUL, numbers out of range);
    * a form field's ``clean()`` crashed on the value it was sent.
    """
    if isinstance(error, (MultiValueDictKeyError, DataError)):
        return True
    frames = [
        (frame.filename.replace(os.sep, "/"), frame.name)
        for frame in traceback.extract_tb(error.__traceback__)
    ]
    if not frames:
        return False
    where, name = frames[-1]
    if isinstance(error, (ValueError, TypeError, ValidationError)):
        if "/django/db/models/fields/" in where and name in _CONVERSIONS:
            return True
    if isinstance(error, OverflowError) and "/django/db/backends/" in where:
        return True
    # A form field that crashed instead of refusing the value it was sent (a field's clean()
    # depends on nothing but that value).
    return isinstance(error, (AttributeError, TypeError, ValueError)) and any(
        where.endswith("/django/forms/fields.py") and name == "clean" for where, name in frames
    )


_CONVERSIONS = {"get_prep_value", "to_python", "get_db_prep_value"}


class InputErrorMiddleware:
    """Answer 400, not 500, when a view (ours or a library's) fails on malformed input.

    Our own views validate input before using it (see above); this is the net under the
    views we do not own, such as Wagtail's admin and API. Only errors that
    :func:`is_input_error` can pin on the request are answered this way; they are still
    logged, as warnings, with the view that let them through.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_input_error(exception):
            return None
        logger.warning(
            "Bad input reached %s: %s: %s",
            request.path,
            type(exception).__name__,
            str(exception)[:300],
        )
        return bad_request(request, BAD_INPUT_MESSAGE)


def bad_request(request, message):
    """A plain 400 page with ``message`` (it needs no database, like the 500 page)."""
    html = render_to_string("400.html", {"message": message})
    return HttpResponseBadRequest(html)


class RootPageActionsMiddleware:
    """A 404 for Wagtail's admin page actions aimed at the root of the page tree.

    The root is not a page anyone edits, locks or moves, and several of Wagtail's views
    (lock, unlock, move, set position) fail on it with a 500 when its id is typed into the
    address. Views that take the root as a *parent* (the explorer, adding a site's home
    page) are left alone.
    """

    namespace = "wagtailadmin_pages"
    page_arguments = ("page_id", "page_to_move_id")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or self.namespace not in match.namespaces:
            return None
        ids = [parse_id(view_kwargs[name]) for name in self.page_arguments if name in view_kwargs]
        if None in ids:
            raise Http404("not a page id")  # e.g. beyond what the database can hold
        if ids:
            from wagtail.models import Page

            if Page.objects.filter(pk__in=ids, depth=1).exists():
                raise Http404("the root of the page tree is not a page")
        return None
