"""The reader's language in queries: its Locale, and names, snippets and pages in it.

Translatable objects (pages, snippets, taxonomies) exist once per language and share a
``translation_key``. Everything here swaps objects for their counterparts in one language, in
one query per batch whatever its size, and falls back to what it was given (or the default
language's) where nothing is translated yet:

* :func:`active_locale` / :func:`default_locale` / :func:`page_locale`: the Locales most code
  needs, without a query per call (remembered per worker until content changes, in
  :data:`hub.cache.tree_memo`);
* :func:`names_by_slug`: ``{slug: name}`` of a taxonomy-like model in one language;
* :func:`translated_name`: one snippet's name in the active language (from a per-model table);
* :func:`translations` / :func:`localize_snippets`: snippets in one language, order kept;
* :func:`localize_pages`: editor-picked pages in one language, live and public only;
* :func:`page_translatable_fields`: what wagtail-localize translates on a page model.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Locale
from wagtail_localize.fields import TranslatableField

from hub.cache import content_memo, content_version, tree_memo

# --- Which language -------------------------------------------------------------------------


def active_locale() -> Locale | None:
    """The active language's Locale, else the default one (``Locale.get_active()``), without
    a query per call; ``None`` only while there is no Locale at all."""
    return tree_memo.get_or_set(content_version(), ("locale", get_language()), _get_active)


def _get_active():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def page_locale(page) -> Locale:
    """``page.locale`` without a query when it is the active language's (the usual case)."""
    active = active_locale()
    if active is not None and active.pk == page.locale_id:
        return active
    return page.locale


def default_locale() -> Locale:
    """``Locale.get_default()`` without a query per call."""
    return tree_memo.get_or_set(content_version(), ("default-locale",), Locale.get_default)


# --- Names ------------------------------------------------------------------------------------


def names_by_slug(model, locale_id, slugs=None, default_locale_id=None):
    """``{slug: name}`` of a model with ``slug`` and ``name`` (a taxonomy, an officer role) in
    one language, one query.

    A value not translated into that language keeps its default-language name. ``slugs``
    limits the answer to those values.
    """
    if default_locale_id is None:
        default_locale_id = Locale.get_default().pk
    rows = model.objects.filter(locale_id__in={locale_id, default_locale_id})
    if slugs is not None:
        rows = rows.filter(slug__in=slugs)
    names = {}
    for slug, name, row_locale in rows.values_list("slug", "name", "locale_id"):
        if row_locale == locale_id or slug not in names:
            names[slug] = name
    return names


def translated_name(obj):
    """A translatable snippet's ``name`` in the active language, when it has been translated.

    Taxonomies are small and read on every listing, so each worker keeps one table of names
    per model until any content changes (see ``hub.cache.content_memo``).
    """
    locale = active_locale()
    if locale is None or obj.locale_id == locale.pk:
        return obj.name
    manager = type(obj)._default_manager
    names = content_memo.get_or_set(
        content_version(),
        ("names", obj._meta.label_lower),
        lambda: {
            (tk, locale_id): value
            for tk, locale_id, value in manager.values_list("translation_key", "locale_id", "name")
        },
    )
    return names.get((obj.translation_key, locale.pk), obj.name)


# --- Objects ----------------------------------------------------------------------------------


def translations(objects, locale_id, queryset) -> dict:
    """``{translation_key: object}``: the counterparts in ``queryset`` and ``locale_id`` of the
    ``objects`` not already in that language (one query; none when all of them are)."""
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    if not keys:
        return {}
    return {
        obj.translation_key: obj
        for obj in queryset.filter(locale_id=locale_id, translation_key__in=keys)
    }


def localize_snippets(objects, locale_id, queryset, *, unique=True):
    """Each object in ``locale_id`` where ``queryset`` holds its translation, otherwise as
    given, in the given order (``None`` dropped).

    With ``unique``, each translation appears once (two picks of the same snippet in
    different languages count once). ``queryset`` says what to load with the translations
    (``select_related`` …).
    """
    objects = [obj for obj in objects if obj is not None]
    translated = translations(objects, locale_id, queryset)
    result, seen = [], set()
    for obj in objects:
        if unique:
            if obj.translation_key in seen:
                continue
            seen.add(obj.translation_key)
        result.append(translated.get(obj.translation_key, obj))
    return result


def localize_pages(pages, locale_id, model, *, exclude_keys=(), select_related=(), private_q=None):
    """Live, public ``model`` pages for ``pages``, in ``locale_id`` where possible.

    Picks are stored once (on the source page) and copied to translations unchanged, so they
    point at pages in the source language: each is swapped for its live translation in the
    target locale where one exists, and kept as it is otherwise (if it is itself live).

    ``pages`` need only ``pk`` and ``translation_key``. Keeps the given order, drops
    duplicates (two picks of the same page in different languages count once) and any page
    whose translation key is in ``exclude_keys``. ``private_q`` (from
    ``PageQuerySet.private_q()``) saves looking up the private sections again when the
    caller already has it.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    keys = [page.translation_key for page in pages]
    candidates = model.objects.live()
    candidates = candidates.public() if private_q is None else candidates.exclude(private_q)
    candidates = candidates.filter(
        Q(locale_id=locale_id, translation_key__in=keys) | Q(pk__in=[p.pk for p in pages])
    ).defer_streamfields()
    if select_related:
        candidates = candidates.select_related(*select_related)
    localized, fallback = {}, {}
    for candidate in candidates:
        if candidate.locale_id == locale_id:
            localized[candidate.translation_key] = candidate
        else:
            fallback[candidate.translation_key] = candidate
    seen = set(exclude_keys)
    result = []
    for key in keys:
        if key in seen:
            continue
        page = localized.get(key) or fallback.get(key)
        if page is not None:
            seen.add(key)
            result.append(page)
    return result


# --- What editors translate -------------------------------------------------------------------


def page_translatable_fields(*fields):
    """A page model's ``translatable_fields``: the page's own texts (title, address, search
    engine title and description), then ``fields`` (the model's translatable and synchronised
    fields). Declaring the list replaces wagtail-localize's defaults, so these come first."""
    own = ("title", "slug", "seo_title", "search_description")
    return [*(TranslatableField(name) for name in own), *fields]
