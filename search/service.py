"""The one search service every app uses.

It takes a queryset and a reader's query, asks the configured backend (the database, or an
Elasticsearch-family engine chosen by ``SEARCH_URL``), and answers with matching primary keys in
relevance order. On an engine, a query that finds nothing exactly is retried with typo tolerance
(fuzzy matching). When the engine fails, is slow (bounded by its timeout) or is known to be down,
the service falls back to the database backend, logs a warning and says so, so the caller can
show a quiet notice instead of an error page.

Callers never branch on the backend: they read :class:`SearchOutcome` and ask
:func:`highlights` for marked-up fragments, which are empty where the backend has none.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError
from wagtail.search.backends import get_search_backend

from search import health, syntax

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT = 2000
ENGINE_RESULT_WINDOW = 10000  # Elasticsearch's default index.max_result_window
FALLBACK_BACKEND = "database"

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_backends = {}  # name → (its configuration, the backend built from it)


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
    """What a search found: primary keys best first, and how.

    ``degraded``: the engine was bypassed (the database answered instead). ``fuzzy``: nothing
    matched exactly, so these are close matches (typo tolerance). ``words``: what was searched.
    """

    ids: list = field(default_factory=list)
    degraded: bool = False
    backend: str = "default"
    fuzzy: bool = False
    words: str = ""


def configured_backends():
    return getattr(settings, "WAGTAILSEARCH_BACKENDS", {"default": {}})


def has_fallback():
    return FALLBACK_BACKEND in configured_backends()


def get_backend(name="default"):
    """The backend instance for ``name``, built once per process and configuration (its client
    keeps a pool). Settings that name another configuration (a test's override) get their own."""
    configuration = configured_backends().get(name)
    built = _backends.get(name)
    if built is None or built[0] is not configuration:
        built = _backends[name] = (configuration, get_search_backend(name))
    return built[1]


def engine():
    """The default backend if it is an engine, else ``None``."""
    backend = get_backend()
    return backend if getattr(backend, "is_engine", False) else None


def results_follow_content():
    """Whether search results change only when content does (a database backend, whose index
    is written in the content's own transaction). An engine's index can change on its own (a
    catch-up, a rebuild), so its answers must not be remembered by content version."""
    return engine() is None


def _short(exc):
    return f"{type(exc).__name__}: {str(exc)[:300]}"


def _language_option(backend, language):
    """``{"language": ...}`` for a backend that analyses each language its own way."""
    return {"language": language} if getattr(backend, "language_aware", False) else {}


@dataclass(frozen=True)
class _SearchText:
    """A query as typed (with its search syntax) and as plain words."""

    typed: str
    words: str

    def for_backend(self, backend):
        return self.typed if getattr(backend, "understands_syntax", False) else self.words


def _database_ids(name, queryset, query, fields, limit, operator, exact=True, language=None):
    backend = get_backend(name)
    words = query.for_backend(backend)
    ranked_ids = getattr(backend, "ranked_ids", None)
    if ranked_ids is not None:  # a backend with a faster way to answer this exact question
        return ranked_ids(
            queryset,
            words,
            fields=fields,
            operator=operator,
            limit=limit,
            exact=exact,
            **_language_option(backend, language),
        )
    results = backend.search(words, queryset.only("pk"), fields=fields, operator=operator)
    return [obj.pk for obj in results[:limit]]


def search_ids(
    queryset,
    query,
    *,
    fields=None,
    limit=DEFAULT_LIMIT,
    operator="and",
    fuzzy=True,
    exact=True,
    language=None,
):
    """Search ``queryset`` for ``query`` and return a :class:`SearchOutcome`.

    ``queryset`` should already carry the filters the backend can apply (locale, live);
    anything else is best applied afterwards to the returned primary keys. With ``fuzzy``, an
    engine retries a query without exact matches with typo tolerance. With ``exact=False`` a
    database backend may also return ids of the same model outside ``queryset`` (for callers
    that intersect the ids with their own set anyway, which is faster); engines always apply
    the queryset's filters themselves. ``language`` (a language code, default the reader's
    active language) is the language the query is analysed in, on backends with per-language
    analysis (:mod:`search.languages`).
    """
    cleaned = clean_query(query)
    parsed = syntax.parse(cleaned)
    if not parsed:  # nothing to find (no words, or exclusions only)
        return SearchOutcome()
    # Backends that read the search syntax get the query as typed, others its plain words.
    words = parsed.words()
    query = _SearchText(cleaned, words)
    limit = max(1, min(limit, ENGINE_RESULT_WINDOW))
    backend = get_backend()
    is_engine = getattr(backend, "is_engine", False)
    if is_engine and not backend.is_available():
        if health.first_notice(backend.health_key):
            logger.warning(
                "Search engine unavailable; falling back to the database for %ss",
                health.retry_after(),
            )
        return _fallback(queryset, query, fields, limit, operator, exact, language)
    try:
        if not is_engine:
            ids = _database_ids(
                "default", queryset, query, fields, limit, operator, exact, language
            )
            return SearchOutcome(ids, words=words)
        options = {"fields": fields, "operator": operator, "limit": limit}
        options.update(_language_option(backend, language))
        text = query.for_backend(backend)
        ids = backend.search_ids(text, queryset, **options)
        if ids or not fuzzy:
            return SearchOutcome(ids, words=words)
        ids = backend.search_ids(text, queryset, fuzzy=True, **options)
        return SearchOutcome(ids, fuzzy=bool(ids), words=words)
    except DatabaseError:
        # The database itself failed: there is nothing better to fall back to.
        logger.exception("Database search failed for %r", words)
        return SearchOutcome(degraded=True, words=words)
    except Exception as exc:  # each engine client raises its own exception types
        if is_engine:
            backend.note_failure(exc)
            health.first_notice(backend.health_key)
        elif not has_fallback():
            raise
        logger.warning("Search engine failed (%s); falling back to the database", _short(exc))
    return _fallback(queryset, query, fields, limit, operator, exact, language)


def _fallback(queryset, query, fields, limit, operator, exact, language=None):
    words = query.words
    if not has_fallback():
        return SearchOutcome(degraded=True, backend="", words=words)
    try:
        ids = _database_ids(
            FALLBACK_BACKEND, queryset, query, fields, limit, operator, exact, language
        )
    except DatabaseError:
        logger.exception("Fallback database search failed for %r", words)
        ids = []
    return SearchOutcome(ids, degraded=True, backend=FALLBACK_BACKEND, words=words)


@dataclass
class Suggestions:
    """Autocomplete matches (model instances, best first) and whether the engine was bypassed."""

    objects: list = field(default_factory=list)
    degraded: bool = False


def autocomplete(queryset, query, *, limit=8):
    """Objects whose autocomplete fields start with the query's words (partial last word)."""
    words = plain_words(clean_query(query, max_length=100))
    if not words:
        return Suggestions()
    backend = engine()
    name = "default"
    if backend is not None:
        if backend.is_available():
            try:
                return Suggestions(
                    list(backend.autocomplete(words, queryset, operator="and")[:limit])
                )
            except Exception as exc:
                backend.note_failure(exc)
                logger.warning(
                    "Search engine autocomplete failed (%s); using the database", _short(exc)
                )
        if not has_fallback():
            return Suggestions(degraded=True)
        name = FALLBACK_BACKEND
    try:
        found = get_backend(name).autocomplete(words, queryset, operator="and")[:limit]
        return Suggestions(list(found), degraded=name == FALLBACK_BACKEND)
    except DatabaseError:
        logger.exception("Database autocomplete failed for %r", words)
        return Suggestions(degraded=True)


def highlights(queryset, outcome, pks):
    """``{pk: [fragment, ...]}`` marked up by the engine, or ``{}`` where it cannot.

    Fragments are HTML with every character escaped except ``<mark>`` tags; pass them through
    :func:`search.snippets.safe_fragment` before output anyway.
    """
    backend = engine()
    if backend is None or outcome.degraded or not pks or not outcome.words:
        return {}
    if not backend.is_available():
        return {}
    try:
        return backend.highlights(outcome.words, queryset, list(pks), fuzzy=outcome.fuzzy)
    except Exception as exc:
        backend.note_failure(exc)
        logger.warning("Search engine highlighting failed (%s); plain snippets", _short(exc))
        return {}
