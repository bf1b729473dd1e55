"""Wagtail's Elasticsearch-family backends, made safe for the hub and a little faster.

``hub.settings.base.search_backends`` selects one of these classes from ``SEARCH_URL``. Each adds
to Wagtail's backend for that engine:

- **Writes never break a save.** If the engine cannot take an index write (down, slow, erroring),
  the error is logged as a warning and the object is queued in :class:`search.models.IndexBacklog`;
  ``manage.py search_catch_up`` replays the queue once the engine is back. While the circuit
  breaker (:mod:`search.health`) is open, writes go straight to the queue without waiting.
- **A missing index is created with the right mappings** before the first write, instead of
  letting the engine guess mappings from one document (which would break every later search);
  a full rebuild is then queued for the catch-up.
- **Primary keys in one request** (:meth:`search_ids`): no scroll, no database round trip. The
  searches (this, highlights, the query as typed) are :mod:`search.engine_search`.
- **Typo tolerance** (``fuzzy=True``: ``"fuzziness": "AUTO"`` through Wagtail's ``Fuzzy`` query).
- **Highlighting** (:meth:`highlights`): HTML-escaped fragments with ``<mark>`` around matches.
- **Titles first.** A document whose title holds every query word outranks one that only
  mentions them in its body (Wagtail boosts titles and project summaries alike): the query
  compilers of :mod:`search.engine_queries`.
- **Faster documents** (:mod:`search.engine_mapping`): the same documents as Wagtail's, built
  about twice as fast, which is most of what bulk indexing costs on the Python side.
- **Each language's analysis** (:mod:`search.languages`): titles and the catch-all text have a
  sub-field per language with its analyzer (stemming, Stempel for Polish where the engine has
  it, ASCII folding for Slovenian), and Polish pages their Snowball stems from Python too
  (:mod:`search.engine_stems`); ``search_ids`` and ``highlights`` search the sub-fields of the
  query's language.
- **OpenSearch 2 works with opensearch-py 3** (see :class:`OpenSearch2SearchBackend`).

The overrides of modelsearch's underscore methods (documents, fuzzy and title-first queries,
ids from doc values) are listed in :mod:`search.upstream`, whose test fails when an upgrade
changes one.
"""

import copy
import logging

from django.conf import settings
from django.db import transaction
from modelsearch.backends import elasticsearch8, elasticsearch9, opensearch3
from modelsearch.index import get_indexed_models

from search import health
from search.engine_mapping import Elasticsearch8Mapping, OpenSearchMapping
from search.engine_queries import (
    Elasticsearch8QueryCompiler,
    Elasticsearch9QueryCompiler,
    OpenSearchQueryCompiler,
)
from search.engine_search import EngineQueryMixin
from search.languages import DUTCH_STEMMER, ENGINE_ANALYSIS, POLISH_STEMPEL

logger = logging.getLogger(__name__)

_known_indexes = set()


def _short(exc):
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 500 else text[:497] + "..."


class EngineBackendMixin(EngineQueryMixin):
    lucene = "lucene9"  # the engine's Lucene generation (analysis that differs between them)
    """Behaviour shared by every engine backend (see the module docstring)."""

    is_engine = True
    language_aware = True  # the service passes ``language`` to search_ids
    understands_syntax = True  # ... and the query as typed (search.syntax)

    def __init__(self, params):
        self.alias = self._find_alias(params)
        urls = params.get("URLS") or params.get("HOSTS") or []
        self.health_key = f"{params.get('INDEX_PREFIX', '')}@{urls!r}"
        params = dict(params)
        # Client options unless the settings say otherwise (connections per node, for threads).
        defaults = getattr(self, "default_options", {})
        params["OPTIONS"] = {**defaults, **params.get("OPTIONS", {})}
        super().__init__(params)
        # The analyzers the language sub-fields name (engine_mapping): Spanish, Italian,
        # and the folding one of Polish and Slovenian (search.languages.ENGINE_ANALYSIS).
        self.settings = copy.deepcopy(self.settings)
        analysis = self.settings.setdefault("settings", {}).setdefault("analysis", {})
        for kind, definitions in copy.deepcopy(ENGINE_ANALYSIS).items():
            analysis.setdefault(kind, {}).update(definitions)
        analysis["filter"]["hub_dutch_stemmer"]["language"] = DUTCH_STEMMER[self.lucene]
        self._polish_settled = False

    @property
    def settings(self):
        """The index settings; on first use (creating an index), Polish gets the Stempel
        stemmer if the engine has it (search.languages.POLISH_STEMPEL)."""
        if "_settings" not in self.__dict__:  # modelsearch's class-wide defaults, at start-up
            return super().settings
        if not self.__dict__.get("_polish_settled", True):
            self._polish_settled = True
            if self.has_polish_stemmer():
                analysis = self._settings["settings"]["analysis"]
                analysis["analyzer"]["hub_polish"] = copy.deepcopy(POLISH_STEMPEL)
        return self._settings

    @settings.setter
    def settings(self, value):
        self._settings = value

    def has_polish_stemmer(self) -> bool:
        """Whether the engine knows the analysis-stempel plugin's ``polish_stem`` filter."""
        request = {"tokenizer": "standard", "filter": ["polish_stem"], "text": "ankiety"}
        try:
            if getattr(self, "use_new_elasticsearch_api", False):
                self.es.indices.analyze(**request)
            else:
                self.es.indices.analyze(body=request)
        except Exception:  # noqa: BLE001 (an unknown filter, or no engine: fold instead)
            return False
        return True

    @staticmethod
    def _find_alias(params):
        configured = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
        for alias, conf in configured.items():
            if conf.get("URLS") == params.get("URLS") and conf.get("INDEX_PREFIX") == params.get(
                "INDEX_PREFIX"
            ):
                return alias
        return "default"

    # --- health ---------------------------------------------------------------------------

    def ping(self):
        """Raise unless the engine answers (used by the catch-up and health checks)."""
        self.es.info()

    def is_available(self):
        return not health.is_down(self.health_key)

    def note_failure(self, exc):
        if health.is_outage(exc):
            health.mark_down(self.health_key)

    # --- writes ---------------------------------------------------------------------------

    def add(self, obj):
        self._write(obj, super().add)

    def delete(self, obj):
        self._write(obj, super().delete)

    def add_strict(self, obj):
        """Index ``obj`` or raise (the catch-up uses this; nothing is queued)."""
        self.ensure_index(type(obj))
        super().add(obj)

    def delete_strict(self, obj):
        super().delete(obj)

    def _write(self, obj, write):
        if not self.is_available():
            if health.first_notice(self.health_key, "write"):
                logger.warning("Search engine unavailable; index writes are queued for catch-up")
            self.defer(obj, "the search engine was unavailable")
            return
        try:
            self.ensure_index(type(obj))
            write(obj)
        except Exception as exc:  # any client error: the save must still succeed
            self.note_failure(exc)
            logger.warning(
                "Search engine write failed for %s #%s; queued for catch-up (%s)",
                obj._meta.label,
                obj.pk,
                _short(exc),
            )
            self.defer(obj, _short(exc))

    def defer(self, obj, error):
        self._queue(obj._meta.label_lower, str(obj.pk), str(error))

    def defer_rebuild(self, error):
        from search.models import REBUILD

        self._queue(REBUILD, "", str(error))

    def _queue(self, label, pk, error):
        from django.db.models import F

        from search.models import IndexBacklog

        try:
            with transaction.atomic():
                updated = IndexBacklog.objects.filter(
                    backend=self.alias, model_label=label, object_pk=pk
                ).update(attempts=F("attempts") + 1, last_error=error[:500])
                if not updated:
                    IndexBacklog.objects.create(
                        backend=self.alias, model_label=label, object_pk=pk, last_error=error[:500]
                    )
        except Exception:  # the queue is best effort; the content itself is saved
            logger.exception("Could not queue %s #%s for a search catch-up", label, pk)

    # --- indexes --------------------------------------------------------------------------

    def index_models(self, index):
        """The indexed models that live in ``index``."""
        return [m for m in get_indexed_models() if self.get_index_for_model(m).name == index.name]

    def create_index(self, index):
        """Create ``index`` with the settings and the mappings of all its models."""
        index.put()
        for model in self.index_models(index):
            index.add_model(model)

    def ensure_index(self, model):
        """Make sure ``model``'s index exists with proper mappings (checked once per process)."""
        index = self.get_index_for_model(model)
        key = (self.health_key, index.name)
        if key in _known_indexes:
            return
        if not index.exists():
            try:
                self.create_index(index)
            except Exception as exc:
                if "already_exists" not in str(exc):  # another process was first
                    raise
            else:
                logger.warning(
                    "Search index %s was missing; created it empty. Queued a full rebuild "
                    "(manage.py search_catch_up).",
                    index.name,
                )
                self.defer_rebuild(f"index {index.name} was missing")
        _known_indexes.add(key)

    @staticmethod
    def forget_indexes():
        _known_indexes.clear()


class OpenSearchClientMixin:
    default_options = {"pool_maxsize": 8}


class ElasticsearchClientMixin:
    default_options = {"connections_per_node": 8}


class OpenSearch2SearchBackend(
    EngineBackendMixin, OpenSearchClientMixin, opensearch3.OpenSearch3SearchBackend
):
    """OpenSearch 2.x servers.

    Wagtail's own ``opensearch2`` backend calls opensearch-py with positional arguments, which
    opensearch-py 3 (the client we install, and which speaks to OpenSearch 2 and 3 servers)
    refuses (``IndicesClient.create() takes 1 positional argument``). Its ``opensearch3``
    backend differs only in passing them by keyword, so both server versions use that.
    """

    query_compiler_class = OpenSearchQueryCompiler
    mapping_class = OpenSearchMapping


class OpenSearch3SearchBackend(
    EngineBackendMixin, OpenSearchClientMixin, opensearch3.OpenSearch3SearchBackend
):
    lucene = "lucene10"
    query_compiler_class = OpenSearchQueryCompiler
    mapping_class = OpenSearchMapping


class Elasticsearch8SearchBackend(
    EngineBackendMixin, ElasticsearchClientMixin, elasticsearch8.Elasticsearch8SearchBackend
):
    query_compiler_class = Elasticsearch8QueryCompiler
    mapping_class = Elasticsearch8Mapping


class Elasticsearch9SearchBackend(
    EngineBackendMixin, ElasticsearchClientMixin, elasticsearch9.Elasticsearch9SearchBackend
):
    lucene = "lucene10"
    query_compiler_class = Elasticsearch9QueryCompiler
    mapping_class = Elasticsearch8Mapping
