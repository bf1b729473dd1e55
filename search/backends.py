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
- **Primary keys in one request** (:meth:`search_ids`): no scroll, no database round trip.
- **Typo tolerance** (``fuzzy=True``: ``"fuzziness": "AUTO"`` through Wagtail's ``Fuzzy`` query).
- **Highlighting** (:meth:`highlights`): HTML-escaped fragments with ``<mark>`` around matches.
- **Titles first.** A document whose title holds every query word outranks one that only
  mentions them in its body (Wagtail boosts titles and project summaries alike).
- **Faster documents** (:class:`FastMappingMixin`): the same documents as Wagtail's, built
  about twice as fast, which is most of what bulk indexing costs on the Python side.
- **OpenSearch 2 works with opensearch-py 3** (see :class:`OpenSearch2SearchBackend`).

The overrides of modelsearch's underscore methods (documents, fuzzy and title-first queries,
ids from doc values) are listed in :mod:`search.upstream`, whose test fails when an upgrade
changes one.
"""

import logging

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from modelsearch.backends import elasticsearch8, elasticsearch9, opensearch3
from modelsearch.backends.base import get_model_root
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import (
    AutocompleteField,
    FilterField,
    SearchField,
    get_indexed_models,
)
from modelsearch.query import Fuzzy, PlainText

from search import health

logger = logging.getLogger(__name__)

HIGHLIGHT_FRAGMENT_SIZE = 180
TITLE_BOOST = 4.0
FUZZY_OPTIONS = {"prefix_length": 1, "max_expansions": 20}
_known_indexes = set()
_plain_fields = {}  # (model, search field) -> (column name, value getter), built once


def _short(exc):
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 500 else text[:497] + "..."


class EngineBackendMixin:
    """Behaviour shared by every engine backend (see the module docstring)."""

    is_engine = True

    def __init__(self, params):
        self.alias = self._find_alias(params)
        urls = params.get("URLS") or params.get("HOSTS") or []
        self.health_key = f"{params.get('INDEX_PREFIX', '')}@{urls!r}"
        params = dict(params)
        # Client options unless the settings say otherwise (connections per node, for threads).
        defaults = getattr(self, "default_options", {})
        params["OPTIONS"] = {**defaults, **params.get("OPTIONS", {})}
        super().__init__(params)

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

    # --- queries --------------------------------------------------------------------------

    def _compile(self, queryset, query, fields, operator, fuzzy):
        query_obj = Fuzzy(query, operator=operator) if fuzzy else PlainText(query, operator)
        compiler = self.query_compiler_class(queryset, query_obj, fields=fields)
        compiler.check()
        return compiler

    def _raw_search(self, compiler, body, **params):
        results = self.results_class(self, compiler)
        index = self.get_index_for_model(compiler.queryset.model).name
        return results._backend_do_search(body, index=index, _source=False, **params)

    def search_ids(self, query, queryset, *, fields=None, operator="and", limit=2000, fuzzy=False):
        """Primary keys of the best ``limit`` matches, best first, in one request.

        The keys come from doc values, with no stored fields, no ``_id`` and no total count:
        at 2,000 hits that is several times faster than Wagtail's results, which load stored
        fields for every hit and then the objects from the database.
        """
        compiler = self._compile(queryset, query, fields, operator, fuzzy)
        body = {"query": compiler.get_query(), "docvalue_fields": ["pk"]}
        response = self._raw_search(
            compiler,
            body,
            stored_fields="_none_",
            size=limit,
            track_total_hits=False,
            filter_path="hits.hits.fields.pk",
        )
        to_python = get_model_root(queryset.model)._meta.pk.to_python
        hits = response.get("hits", {}).get("hits", [])
        return [to_python(hit["fields"]["pk"][0]) for hit in hits]

    def highlight_fields(self, model):
        """Index columns of the text fields of ``model`` and its indexed subclasses."""
        columns = []
        for indexed in get_indexed_models():
            if not issubclass(indexed, model):
                continue
            mapping = self.mapping_class(indexed)
            for field in indexed.get_search_fields():
                if type(field) is SearchField and field.field_name != "title":
                    column = mapping.get_field_column_name(field)
                    if column not in columns:
                        columns.append(column)
        return columns

    def highlights(self, query, queryset, pks, *, operator="and", fuzzy=False):
        """``{pk: [fragment, ...]}`` for ``pks``: escaped HTML with ``<mark>`` around matches."""
        if not pks:
            return {}
        compiler = self._compile(queryset, query, None, operator, fuzzy)
        fields = self.highlight_fields(queryset.model)
        body = {
            "query": {
                "bool": {
                    "must": compiler.get_inner_query(),
                    "filter": {"ids": {"values": [str(pk) for pk in pks]}},
                }
            },
            "highlight": {
                "encoder": "html",
                "pre_tags": ["<mark>"],
                "post_tags": ["</mark>"],
                "require_field_match": False,
                "fields": [
                    {f: {"number_of_fragments": 1, "fragment_size": HIGHLIGHT_FRAGMENT_SIZE}}
                    for f in fields
                ],
            },
        }
        body["docvalue_fields"] = ["pk"]
        response = self._raw_search(
            compiler, body, stored_fields="_none_", size=len(pks), track_total_hits=False
        )
        to_python = get_model_root(queryset.model)._meta.pk.to_python
        found = {}
        for hit in response["hits"]["hits"]:
            marked = hit.get("highlight") or {}
            pk = to_python(hit["fields"]["pk"][0])
            found[pk] = [marked[f][0] for f in fields if marked.get(f)]
        return found


def _value_getter(model, search_field):
    """A function reading ``search_field``'s value from an object, as Wagtail's
    ``BaseField.get_value`` would, with the per-call lookups done once."""
    try:
        field = search_field.get_field(model)
    except FieldDoesNotExist:
        return search_field.get_value
    if type(field).__name__ == "TaggableManager" or not isinstance(field, models.Field):
        return search_field.get_value
    if hasattr(field, "get_searchable_content"):
        return lambda obj: field.get_searchable_content(field.value_from_object(obj))
    if isinstance(field, models.ForeignObject):
        return search_field.get_value
    return field.value_from_object


class FastMappingMixin:
    """Wagtail's mapping with the field bookkeeping of each document done once per field.

    Building a document asks, for every field of every object, which model defines the field,
    what its column is called and whether django-taggit is installed. The answers never change,
    so they are kept per (model, field). Documents are identical to Wagtail's (a test checks).
    """

    def _plain(self, field):
        key = (self.model, field)
        found = _plain_fields.get(key)
        if found is None:
            found = (self.get_field_column_name(field), _value_getter(self.model, field))
            _plain_fields[key] = found
        return found

    def _get_document_field_data(self, field, obj):
        kind = type(field)
        if kind not in (SearchField, AutocompleteField, FilterField):
            return super()._get_document_field_data(field, obj)
        name, getter = self._plain(field)
        value = self._clean_value(getter(obj))
        if kind is AutocompleteField:
            return name, value, [value]
        if kind is FilterField:
            if isinstance(value, (models.Manager, models.QuerySet)):
                value = list(value.values_list("pk", flat=True))
            elif isinstance(value, models.Model):
                value = value.pk
            elif isinstance(value, (list, tuple)):
                value = [item.pk if isinstance(item, models.Model) else item for item in value]
        return name, value, []


class OpenSearchMapping(FastMappingMixin, opensearch3.OpenSearch3Mapping):
    pass


class Elasticsearch8Mapping(FastMappingMixin, elasticsearch8.Elasticsearch8Mapping):
    pass


class TitleFirstCompilerMixin:
    """Searching all fields also searches the title alone, boosted above everything else.

    Wagtail's multi-field query takes the best field per document (``best_fields``), and with
    the ``and`` operator a field matches only if it holds every word, so this rewards titles
    that contain the whole query and leaves other matches as they were.
    """

    def _compile_fuzzy_query(self, query, fields):
        """Wagtail's ``"fuzziness": "AUTO"`` match, with the first letter taken as typed and
        fewer variants per word: typos rarely hit the first letter, and scanning the whole
        term dictionary for every word is what makes fuzzy queries slow on large indexes."""
        compiled = super()._compile_fuzzy_query(query, fields)
        options = next(iter(compiled.values()))
        if "fields" not in options:  # {"match": {field: {...}}}
            options = next(iter(options.values()))
        options.update(FUZZY_OPTIONS)
        return compiled

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        if not fields:
            for field in self.queryset.model.get_searchable_search_fields():
                if field.field_name == "title":
                    column = self.mapping.get_field_column_name(field)
                    remapped.append(Field(column, TITLE_BOOST))
                    break
        return remapped


class OpenSearchQueryCompiler(TitleFirstCompilerMixin, opensearch3.OpenSearch3SearchQueryCompiler):
    mapping_class = OpenSearchMapping


class Elasticsearch8QueryCompiler(
    TitleFirstCompilerMixin, elasticsearch8.Elasticsearch8SearchQueryCompiler
):
    mapping_class = Elasticsearch8Mapping


class Elasticsearch9QueryCompiler(
    TitleFirstCompilerMixin, elasticsearch9.Elasticsearch9SearchQueryCompiler
):
    mapping_class = Elasticsearch8Mapping  # Wagtail's ES 9 mapping is its ES 8 one, renamed


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
    query_compiler_class = Elasticsearch9QueryCompiler
    mapping_class = Elasticsearch8Mapping
