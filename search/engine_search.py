"""The engine backends' searches: ids in one request, highlights, and the query as typed.

:class:`EngineQueryMixin` is half of :class:`search.backends.EngineBackendMixin` (the other half
keeps writes safe and indexes present); it needs the backend's ``query_compiler_class``,
``mapping_class``, ``results_class`` and ``get_index_for_model`` from modelsearch.
"""

from modelsearch.backends.base import get_model_root
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import SearchField, get_indexed_models
from modelsearch.query import And, Fuzzy, Or, Phrase, PlainText

from search import syntax
from search.engine_mapping import has_language_subfields
from search.languages import (
    ALL,
    ENGINE_ANALYZERS,
    ENGINE_STEMMED_IN_PYTHON,
    query_language,
    stems_field,
)

HIGHLIGHT_FRAGMENT_SIZE = 180


class EngineQueryMixin:
    """Searches of the engine backends (see :mod:`search.backends`)."""

    # --- queries --------------------------------------------------------------------------

    def _compile(self, queryset, query, fields, operator, fuzzy, language=None, analysed=True):
        """The query compiler; with ``analysed``, on the sub-fields of the query's language.

        ``query`` is a query as typed (:mod:`search.syntax`; its exclusions are left to the
        caller) or a modelsearch query object."""
        query_obj = query if not isinstance(query, str) else _query_object(query, operator, fuzzy)
        compiler = self.query_compiler_class(queryset, query_obj, fields=fields)
        compiler.check()
        language = query_language(language)
        languages = list(ENGINE_ANALYZERS) if language == ALL else [language]
        if analysed and all(code in ENGINE_ANALYZERS for code in languages):
            remapped = []
            for field in compiler.remapped_fields:
                if not has_language_subfields(field.field_name):
                    remapped.append(field)
                    continue
                for code in languages:
                    remapped.append(Field(f"{field.field_name}.{code}", field.boost))
                    if code in ENGINE_STEMMED_IN_PYTHON:  # Polish: stems from Python too
                        remapped.append(Field(stems_field(field.field_name, code), field.boost))
            compiler.remapped_fields = remapped
        return compiler

    def _raw_search(self, compiler, body, **params):
        results = self.results_class(self, compiler)
        index = self.get_index_for_model(compiler.queryset.model).name
        return results._backend_do_search(body, index=index, _source=False, **params)

    def text_query(
        self, queryset, query, *, fields=None, operator="and", fuzzy=False, language=None
    ):
        """``(compiler, query clause)`` for ``query`` as typed (:mod:`search.syntax`) over
        ``queryset`` with its filters, analysed in ``language`` (default: the reader's; ``ALL``:
        every language's sub-fields); a page holding an excluded item in any field is left
        out. Used by :meth:`search_ids` and the registry's faceted request
        (:mod:`search.aggregations`)."""
        compiler = self._compile(queryset, query, fields, operator, fuzzy, language)
        compiled = compiler.get_query()
        excluded = syntax.parse(query).excluded
        if excluded:
            either = Or([_item_object(item) for item in excluded])
            left_out = self._compile(queryset, either, fields, "or", False, language)
            compiled = {"bool": {"must": compiled, "must_not": left_out.get_inner_query()}}
        return compiler, compiled

    def search_ids(
        self,
        query,
        queryset,
        *,
        fields=None,
        operator="and",
        limit=2000,
        fuzzy=False,
        language=None,
    ):
        """Primary keys of the best ``limit`` matches, best first, in one request, the query
        analysed in ``language`` (default: the reader's).

        The keys come from doc values, with no stored fields, no ``_id`` and no total count:
        at 2,000 hits that is several times faster than Wagtail's results, which load stored
        fields for every hit and then the objects from the database.
        """
        compiler, compiled = self.text_query(
            queryset, query, fields=fields, operator=operator, fuzzy=fuzzy, language=language
        )
        body = {"query": compiled, "docvalue_fields": ["pk"]}
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

    def highlights(self, query, queryset, pks, *, operator="and", fuzzy=False, language=None):
        """``{pk: [fragment, ...]}`` for ``pks``: escaped HTML with ``<mark>`` around matches
        (the query analysed in ``language``, default the reader's)."""
        if not pks:
            return {}
        compiler = self._compile(queryset, query, None, operator, fuzzy, language)
        # The marks follow the words as written (the highlighted columns have no language
        # sub-fields), so a word matched only through its stem is found but not marked.
        plain = self._compile(queryset, query, None, operator, fuzzy, language, analysed=False)
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
                "highlight_query": plain.get_inner_query(),
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


def _item_object(item):
    """The modelsearch query of one :mod:`search.syntax` item."""
    if isinstance(item, syntax.Term):
        return PlainText(item.word)
    if isinstance(item, syntax.Phrase):
        return Phrase(" ".join(item.words))
    return Or([_item_object(option) for option in item.options])


def _query_object(text, operator, fuzzy):
    """A query as typed, as modelsearch query objects: plain words (and typo-tolerant
    retries) as Wagtail's one multi-field match, phrases and ``OR`` as a bool query."""
    parsed = syntax.parse(text)
    if fuzzy or all(isinstance(item, syntax.Term) for item in parsed.required):
        words = parsed.words()
        return Fuzzy(words, operator=operator) if fuzzy else PlainText(words, operator)
    items = [_item_object(item) for item in parsed.required]
    return And(items) if operator == "and" else Or(items)
