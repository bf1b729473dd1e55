"""Show editor-picked pages and snippets in the reader's language, in one query each.

Picks are stored once (on the source page) and copied to translations unchanged, so they point
at pages in the source language. Here each pick is swapped for its live translation in the
target locale where one exists, and kept as it is otherwise (if it is itself live).
"""

from django.db.models import Q

from hub.models import Theme
from hub.models.taxonomy import names_by_slug
from hub.routing import default_locale


def localize_pages(pages, locale_id, model, *, exclude_keys=(), select_related=(), private_q=None):
    """Live, public ``model`` pages for ``pages``, in ``locale_id`` where possible.

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


def localize_snippets(objects, locale_id, model):
    """Translatable snippets in ``locale_id`` where translated, otherwise as given.

    Objects already in ``locale_id`` are kept as they are: no query when all of them are.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    keys = [obj.translation_key for obj in objects if obj.locale_id != locale_id]
    translated = {}
    if keys:
        translated = {
            obj.translation_key: obj
            for obj in model.objects.filter(
                locale_id=locale_id, translation_key__in=keys
            ).select_related("document")
        }
    result, seen = [], set()
    for obj in objects:
        if obj.translation_key in seen:
            continue
        seen.add(obj.translation_key)
        result.append(translated.get(obj.translation_key, obj))
    return result


def theme_labels(locale_id):
    """Theme names by slug: this language's where translated, the default language's otherwise."""
    return names_by_slug(Theme, locale_id, default_locale_id=default_locale().pk)
