"""Suggest registry projects for a manifesto pledge, and show projects in the reader's language.

A pledge is searched through the shared search service in two languages: the officer's own
and the site's default (where most projects are written first). Results are merged by
``translation_key`` so a project found in both languages appears once.
"""

from django.apps import apps
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from search.service import search_ids


def project_model():
    return apps.get_model("projects", "ProjectPage")


def _locale(code):
    try:
        return Locale.objects.get_for_language(code)
    except (Locale.DoesNotExist, LookupError):
        return None


def live_projects():
    return project_model().objects.live().public()


def search_projects(query, language_code, *, limit=8, exclude_keys=()):
    """Projects matching ``query`` in ``language_code`` and the default language, merged by
    translation and ordered by their best rank in either language."""
    locales = []
    for code in (language_code, settings.LANGUAGE_CODE):
        locale = _locale(code) if code else None
        if locale is not None and locale not in locales:
            locales.append(locale)
    best = {}  # translation_key -> (rank, order, pk)
    degraded = False
    for order, locale in enumerate(locales):
        outcome = search_ids(live_projects().filter(locale=locale), query, operator="or", limit=60)
        degraded = degraded or outcome.degraded
        if not outcome.ids:
            continue
        keys = dict(
            project_model().objects.filter(pk__in=outcome.ids).values_list("pk", "translation_key")
        )
        for rank, pk in enumerate(outcome.ids):
            key = keys.get(pk)
            if key is None or key in exclude_keys:
                continue
            candidate = (rank, order, pk)
            if key not in best or candidate < best[key]:
                best[key] = candidate
    ranked = sorted(best.items(), key=lambda item: item[1])[:limit]
    pages = localize_projects([pk for _key, (_r, _o, pk) in ranked])
    return pages, degraded


def suggest_for_pledge(pledge, *, limit=5):
    """Projects that may already do what ``pledge`` promises, best first."""
    exclude = set(pledge.projects.values_list("translation_key", flat=True))
    query = f"{pledge.title} {pledge.description}"
    language = getattr(pledge.officer, "preferred_language", None) or settings.LANGUAGE_CODE
    return search_projects(query, language, limit=limit, exclude_keys=exclude)


def localize_map(pks, language_code=None):
    """``{pk: page}`` for these projects, each page replaced by its live translation in the
    reader's language when there is one. Two queries whatever the count."""
    model = project_model()
    pages = list(model.objects.filter(pk__in=pks).select_related("lead_unit", "locale"))
    locale = _locale(language_code or get_language() or settings.LANGUAGE_CODE)
    translated = {}
    if locale is not None:
        keys = [page.translation_key for page in pages if page.locale_id != locale.pk]
        if keys:
            for page in (
                live_projects()
                .filter(translation_key__in=keys, locale=locale)
                .select_related("lead_unit", "locale")
            ):
                translated[page.translation_key] = page
    return {page.pk: translated.get(page.translation_key, page) for page in pages}


def localize_projects(pks, language_code=None):
    """The projects with these primary keys in the reader's language, order kept, each
    translation once."""
    mapping = localize_map(pks, language_code)
    result, seen = [], set()
    for pk in pks:
        page = mapping.get(pk)
        if page is None or page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        result.append(page)
    return result
