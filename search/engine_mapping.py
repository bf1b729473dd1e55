"""Engine documents: Wagtail's mappings with the field bookkeeping done once per field.

The engine backends (:mod:`search.backends`) use these mappings for every document they
index. They override modelsearch's underscore method ``_get_document_field_data`` (listed
in :mod:`search.upstream`, whose test fails when an upgrade changes it).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from modelsearch.backends import elasticsearch8, opensearch3
from modelsearch.index import AutocompleteField, FilterField, SearchField

from search.engine_stems import StemsMappingMixin
from search.languages import ENGINE_ANALYZERS

_plain_fields = {}  # (model, search field) -> (column name, value getter), built once


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


def has_language_subfields(column):
    """Whether the index column ``column`` carries one sub-field per language (see below)."""
    return column == "title" or column.startswith("_all_text")


class LanguageSubfieldsMixin:
    """Every page's title and catch-all text (``_all_text`` and its boosted copies) is also
    indexed once per language, as ``<field>.<language>``, with that language's analyzer
    (:data:`search.languages.ENGINE_ANALYZERS`). A query in a language searches those
    sub-fields (:class:`search.backends.EngineBackendMixin`), so "Vereinbarungen" meets
    "Vereinbarung" in German; the plain fields stay as Wagtail maps them. The index is larger
    (these fields are analysed eight more times); a query reads one language's sub-fields."""

    def get_mapping(self):
        mapping = super().get_mapping()
        for column, field_mapping in mapping["properties"].items():
            if has_language_subfields(column) and field_mapping.get("type") == "text":
                field_mapping["fields"] = {
                    language: {"type": "text", "analyzer": analyzer}
                    for language, analyzer in ENGINE_ANALYZERS.items()
                }
        return mapping


class OpenSearchMapping(
    StemsMappingMixin, LanguageSubfieldsMixin, FastMappingMixin, opensearch3.OpenSearch3Mapping
):
    pass


class Elasticsearch8Mapping(
    StemsMappingMixin,
    LanguageSubfieldsMixin,
    FastMappingMixin,
    elasticsearch8.Elasticsearch8Mapping,
):
    pass
