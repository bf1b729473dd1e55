"""The one search service every app uses.

It takes a queryset and a reader's query, asks the configured backend (the database, or an
Elasticsearch-family engine chosen by ``SEARCH_URL``), and answers with matching primary keys in
relevance order. When the engine fails it falls back to the database backend, logs a warning and
says so, so the caller can show a quiet notice instead of an error page.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT = 2000
FALLBACK_BACKEND = "database"

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def clean_query(raw, max_length=MAX_QUERY_LENGTH):
    """Make any string safe to search: no control characters, tidy spaces, bounded length."""
    if not raw:
        return ""
    text = "".join(" " if unicodedata.category(char).startswith("C") else char for char in str(raw))
    text = " ".join(text.split())
    return text[:max_length].strip()


def plain_words(query):
    """The words of a query without any search syntax, for backends that parse syntax."""
    return " ".join(_WORD_RE.findall(query))


@dataclass
class SearchOutcome:
    """What a search found: primary keys best first, and whether the engine was bypassed."""

    ids: list = field(default_factory=list)
    degraded: bool = False
    backend: str = "default"


def configured_backends():
    return getattr(settings, "WAGTAILSEARCH_BACKENDS", {"default": {}})


def has_fallback():
    return FALLBACK_BACKEND in configured_backends()


def _run(backend_name, queryset, query, fields, limit, operator, exact):
    backend = get_search_backend(backend_name)
    ranked_ids = getattr(backend, "ranked_ids", None)
    if ranked_ids is not None:  # a backend with a faster way to answer this exact question
        return ranked_ids(
            queryset, query, fields=fields, operator=operator, limit=limit, exact=exact
        )
    results = backend.search(query, queryset.only("pk"), fields=fields, operator=operator)
    return [obj.pk for obj in results[:limit]]


def search_ids(queryset, query, *, fields=None, limit=DEFAULT_LIMIT, operator="and", exact=True):
    """Search ``queryset`` for ``query`` and return a :class:`SearchOutcome`.

    ``queryset`` should already carry the filters the backend can apply (locale, live);
    anything else is best applied afterwards to the returned primary keys. With
    ``exact=False`` a backend may also return ids of the same model outside ``queryset``
    (for callers that intersect the ids with their own set anyway, which is faster).
    """
    query = clean_query(query)
    words = plain_words(query)
    if not words:
        return SearchOutcome()
    try:
        return SearchOutcome(_run("default", queryset, words, fields, limit, operator, exact))
    except DatabaseError:
        # The database itself failed: there is nothing better to fall back to.
        logger.exception("Database search failed for %r", words)
        return SearchOutcome(degraded=True)
    except Exception:  # an engine's client raises its own exception types
        if not has_fallback():
            raise
        logger.warning("Search engine unavailable; falling back to the database", exc_info=True)
    try:
        ids = _run(FALLBACK_BACKEND, queryset, words, fields, limit, operator, exact)
    except DatabaseError:
        logger.exception("Fallback database search failed for %r", words)
        ids = []
    return SearchOutcome(ids, degraded=True, backend=FALLBACK_BACKEND)
