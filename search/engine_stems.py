"""Languages the engine searches as stems computed in Python (Polish).

No OpenSearch or Elasticsearch ships a Polish Snowball stemmer, and the Stempel plugin misses
nominative plurals ("ankiety"/"ankieta"). So a page in one of
:data:`search.languages.ENGINE_STEMMED_IN_PYTHON` also carries its searched text as the Snowball
stems that SQLite and PostgreSQL index (:func:`search.stemming.analyse`): one object field per
language (``_stems_pl``) with one text field per column that has language sub-fields (``title``
and the catch-all ``_all_text`` fields, filled as the engine's ``copy_to`` fills them), analysed
by the folding analyzer only. A query in that language reads those fields with its words stemmed
the same way (:class:`StemsCompilerMixin`), beside the language's own sub-fields (Stempel's,
where the engine has it: together 100% recall against 90% for the stems alone, ``make
bench-recall``). Nothing here needs an engine plugin. The compiler overrides modelsearch's
underscore methods ``_compile_plaintext_query``, ``_compile_phrase_query`` and
``_compile_fuzzy_query`` (listed in :mod:`search.upstream`).
"""

import copy

from search.languages import (
    ENGINE_STEMMED_IN_PYTHON,
    STEMS_PREFIX,
    object_language,
    stems_language,
)
from search.stemming import analyse

STEMS_ANALYZER = "hub_folding"  # the stems are folded already; this only splits them

_sources = {}  # mapping class, model -> [(path in the document, stems columns)], built once


def _stems_sources(properties):
    """``[(path, columns)]``: each text field of the mapping whose words count in a column with
    language sub-fields (the column itself, or a ``copy_to`` target), and those columns."""
    found = []

    def walk(fields, path):
        for name, field_mapping in fields.items():
            if field_mapping.get("type") == "nested":
                walk(field_mapping.get("properties", {}), (*path, name))
                continue
            targets = field_mapping.get("copy_to") or []
            targets = [targets] if isinstance(targets, str) else list(targets)
            if not path and "fields" in field_mapping and not name.startswith("_all_text"):
                targets.insert(0, name)  # the title (the catch-all fields are only targets)
            columns = tuple(column for column in targets if column in subfield_columns)
            if columns and field_mapping.get("type") == "text":
                found.append(((*path, name), columns))

    subfield_columns = {
        column
        for column, field_mapping in properties.items()
        if set(ENGINE_STEMMED_IN_PYTHON) <= set(field_mapping.get("fields", {}))
    }
    walk(properties, ())
    return found


def _texts(value, path):
    """The strings at ``path`` in a document value (nested objects and lists followed)."""
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item, path)
    elif not path:
        if isinstance(value, str):
            yield value
    elif isinstance(value, dict):
        yield from _texts(value.get(path[0]), path[1:])


class StemsMappingMixin:
    """Adds the stems fields to the mapping (after the language sub-fields) and, for a page in
    a stemmed-in-Python language, their values to its document."""

    def get_mapping(self):
        mapping = super().get_mapping()
        properties = mapping["properties"]
        columns = {column for _path, targets in _stems_sources(properties) for column in targets}
        for language in sorted(ENGINE_STEMMED_IN_PYTHON):
            properties[f"{STEMS_PREFIX}{language}"] = {
                "type": "object",
                "properties": {
                    column: {"type": "text", "analyzer": STEMS_ANALYZER}
                    for column in sorted(columns)
                },
            }
        return mapping

    def _sources(self):
        key = (type(self), self.model)
        if key not in _sources:
            _sources[key] = _stems_sources(super().get_mapping()["properties"])
        return _sources[key]

    def get_document(self, obj):
        document = super().get_document(obj)
        language = object_language(obj)
        if language not in ENGINE_STEMMED_IN_PYTHON:
            return document
        stems = {}
        for path, columns in self._sources():
            texts = [analyse(text, language) for text in _texts(document, path)]
            for column in columns:
                stems.setdefault(column, []).extend(texts)
        document[f"{STEMS_PREFIX}{language}"] = stems
        return document


class StemsCompilerMixin:
    """Query words reach a stems field (:func:`search.languages.stems_field`) as the stems of
    its language; every other field gets them as typed. A query over both kinds is one
    ``dis_max`` of the two (as Wagtail's multi-field match takes the best field)."""

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        plain = super()._compile_plaintext_query
        return _by_analysis(query, fields, lambda each, group: plain(each, group, boost))

    def _compile_phrase_query(self, query, fields):
        return _by_analysis(query, fields, super()._compile_phrase_query)

    def _compile_fuzzy_query(self, query, fields):
        return _by_analysis(query, fields, super()._compile_fuzzy_query)


def _by_analysis(query, fields, compile_query):
    groups = {}
    for field in fields:
        groups.setdefault(stems_language(field.field_name), []).append(field)
    if list(groups) == [None]:
        return compile_query(query, fields)
    compiled = []
    for language, group in groups.items():
        each = query
        if language is not None:
            each = copy.copy(query)
            each.query_string = analyse(query.query_string, language)
        if each.query_string:
            compiled.append(compile_query(each, group))
    if len(compiled) == 1:
        return compiled[0]
    return {"dis_max": {"queries": compiled}}
