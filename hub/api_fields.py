"""Serializer fields for the content API's ``api_fields`` (``/api/v2/``, see ``search.api``).

Only what an anonymous reader sees on the page itself: taxonomies as ``{"slug", "name"}``
(the slug is what the API's facet filters take), StreamFields as plain text. Names and labels
are in the page's own language (a German project's themes by their German names, where
translated), whatever the request's language. People (leads, contacts, members) are never
serialized: no page model lists them in its ``api_fields``.
"""

from django.utils import translation
from django.utils.html import strip_tags
from rest_framework.fields import Field

from hub.i18n import translated_name


def _taxonomy(item):
    name = translated_name(item) if hasattr(item, "translation_key") else str(item)
    return {"slug": item.slug, "name": str(name)}


class PageLanguageField(Field):
    """A read-only field given the whole page, represented in the page's language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        locale = getattr(page, "locale", None)
        with translation.override(locale.language_code if locale else None):
            return self.represent(page)

    def represent(self, page):
        raise NotImplementedError


class TaxonomyField(PageLanguageField):
    """A foreign key to a theme, unit, campus or role: ``{"slug", "name"}`` or ``null``."""

    def represent(self, page):
        value = getattr(page, self.source, None)
        return _taxonomy(value) if value is not None else None


class TaxonomyListField(PageLanguageField):
    """A many-to-many field of taxonomies, in name order (uses a prefetch when there is one)."""

    def represent(self, page):
        items = [_taxonomy(item) for item in getattr(page, self.source).all()]
        return sorted(items, key=lambda item: item["name"])


class ChoiceLabelField(PageLanguageField):
    """A choice field's label (``<name>_label`` for the field ``<name>``)."""

    def represent(self, page):
        name = self.field_name.removesuffix("_label")
        return str(getattr(page, f"get_{name}_display")())


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
