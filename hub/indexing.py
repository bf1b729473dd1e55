"""Search-indexing helpers shared by the content models."""

from django.core.exceptions import FieldDoesNotExist
from modelcluster.fields import ParentalManyToManyField
from modelsearch import index


def prefetch_parental_relations(model, queryset):
    """``queryset`` with the model's ParentalManyToMany search relations prefetched.

    modelsearch prefetches the relations behind ``RelatedFields`` but leaves out
    ParentalManyToManyFields, so without this (re)indexing costs one query per object for
    each of them (themes, audiences...). Use from ``get_indexed_objects``.
    """
    names = []
    for field in model.get_search_fields():
        if not isinstance(field, index.RelatedFields):
            continue
        try:
            model_field = model._meta.get_field(field.field_name)
        except FieldDoesNotExist:  # a property, not a model field: nothing to fetch
            continue
        if isinstance(model_field, ParentalManyToManyField):
            names.append(field.field_name)
    return queryset.prefetch_related(*names) if names else queryset
