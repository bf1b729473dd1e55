"""Serializer fields for the content API's ``api_fields`` (``/api/v2/``, see ``search.api``).

Only what an anonymous reader sees on the page itself: taxonomies as ``{"slug", "name"}``
(the slug is what the API's facet filters take), StreamFields as plain text. People (leads,
contacts, members) are never serialized: no page model lists them in its ``api_fields``.
"""

from django.utils.html import strip_tags
from rest_framework.fields import Field


def _taxonomy(item):
    return {"slug": item.slug, "name": str(item)}


class TaxonomyField(Field):
    """A foreign key to a theme, unit, campus or role: ``{"slug", "name"}`` or ``null``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return _taxonomy(value) if value is not None else None

    def get_attribute(self, instance):
        return getattr(instance, self.source, None)


class TaxonomyListField(Field):
    """A many-to-many field of taxonomies, in name order (uses a prefetch when there is one)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return [_taxonomy(item) for item in sorted(manager.all(), key=str)]


class ChoiceLabelField(Field):
    """A choice field's stored value with its label in the active language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        name = self.field_name.removesuffix("_label")
        return str(getattr(instance, f"get_{name}_display")())


class PlainTextStreamField(Field):
    """A StreamField's readable text, blocks separated by blank lines, without markup."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, stream):
        texts = stream.stream_block.get_searchable_content(stream) if stream else []
        return "\n\n".join(strip_tags(str(text)).strip() for text in texts if str(text).strip())


class LivePageField(Field):
    """A foreign key to another page: ``{"id", "title"}`` while it is live, else ``null``
    (a draft is nobody's business, even by name)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.source, None)

    def to_representation(self, page):
        if page is None or not page.live:
            return None
        return {"id": page.pk, "title": page.title}
