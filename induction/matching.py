"""Suggest registry projects for a manifesto pledge, and show projects in the reader's language.

A pledge is searched through the shared search service in two languages: the officer's own
and the site's default (where most projects are written first), or in every language when the
officer asks for all of them (``?lang=all``, :mod:`search.scope`). Results are merged by
``translation_key`` so a project found in both languages appears once.

Suggestions are only projects an officer can join (proposed or active, and open to officers)
that share enough of the pledge's own words: a pledge's text searched word by word ("or")
otherwise brings back every project that mentions "students". See :func:`is_relevant`.
"""

import math
import re

from django.apps import apps
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from hub.i18n import translations
from hub.languages import mark_content_locales
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


# Frequent words of four letters or more that say nothing about a pledge's subject.
STOP_WORDS = frozenset(
    """
    about after also been before being both could each every from have here into just make
    more most much must only other over really same should some such than that their them
    then there these they this those through under very want were what when where which
    while will with would your ours year years students student union officer officers
    aber alle auch dass diese durch eine einen einer haben mehr nach oder sein sind über
    unsere wird werden avec dans pour plus sont leur leurs cette tous toutes nous notre
    para como más están todos nuestra nuestro sobre questo della delle degli sono tutti
    nostra nostro oraz jest które przez będzie wszystkich naše tudi bodo vsem voor naar
    zijn meer onze deze alle""".split()
)
TERM_LENGTH = 5  # words are compared by their first five letters: "supporting" ~ "support"


def _words(text):
    return [word for word in re.findall(r"\w+", (text or "").lower()) if not word.isdigit()]


def significant_terms(text):
    """The pledge's subject words, each cut to :data:`TERM_LENGTH` letters."""
    return {
        word[:TERM_LENGTH] for word in _words(text) if len(word) >= 4 and word not in STOP_WORDS
    }


def is_relevant(terms, title, text):
    """Whether a project's ``title`` and ``text`` share enough of the pledge's ``terms``.

    It must contain at least a quarter of them (one at the least), and either two or more,
    or one in its title: a single shared word in a long description is a coincidence.
    """
    if not terms:
        return False
    title_words = _words(title)
    all_words = title_words + _words(text)

    def found(words):
        return {term for term in terms if any(word.startswith(term) for word in words)}

    matched = found(all_words)
    needed = max(1, math.ceil(len(terms) / 4))
    return len(matched) >= needed and (len(matched) >= 2 or bool(found(title_words)))


def joinable_projects():
    """Live public projects an officer can ask to join now."""
    model = project_model()
    return live_projects().filter(status__in=model.JOINABLE_STATUSES, open_to_officers=True)


def search_projects(
    query, language_code, *, limit=8, exclude_keys=(), queryset=None, every_language=False
):
    """Projects matching ``query`` in ``language_code`` and the default language (or in every
    language), merged by translation and ordered by their best rank in any of them."""
    pages, degraded, _ranked_pks = _search(
        query,
        language_code,
        limit=limit,
        exclude_keys=exclude_keys,
        queryset=queryset,
        every_language=every_language,
    )
    return pages, degraded


def _search(query, language_code, *, limit, exclude_keys, queryset=None, every_language=False):
    base = live_projects() if queryset is None else queryset
    locales = []
    for code in (language_code, settings.LANGUAGE_CODE):
        locale = _locale(code) if code else None
        if locale is not None and locale not in locales:
            locales.append(locale)
    if every_language:
        locales += [locale for locale in Locale.objects.order_by("pk") if locale not in locales]
    best = {}  # translation_key -> (rank, order, pk)
    degraded = False
    for order, locale in enumerate(locales):
        outcome = search_ids(
            base.filter(locale=locale),
            query,
            operator="or",
            limit=60,
            language=locale.language_code,
        )
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
    ranked = [pk for _key, (_r, _o, pk) in sorted(best.items(), key=lambda item: item[1])]
    pages = localize_projects(ranked[:limit])
    return pages, degraded, ranked


def suggest_for_pledge(pledge, *, limit=5, every_language=False):
    """Joinable projects that may already do what ``pledge`` promises, best first.

    Only projects that pass :func:`is_relevant` are suggested, so a pledge with no real
    match gets none (the page says so) instead of the five nearest accidents.
    """
    exclude = set(pledge.projects.values_list("translation_key", flat=True))
    query = f"{pledge.title} {pledge.description}"
    language = getattr(pledge.officer, "preferred_language", None) or settings.LANGUAGE_CODE
    _pages, degraded, ranked = _search(
        query,
        language,
        limit=limit,
        exclude_keys=exclude,
        queryset=joinable_projects(),
        every_language=every_language,
    )
    terms = significant_terms(query)
    texts = {
        pk: (title, f"{summary} {help_text}")
        for pk, title, summary, help_text in project_model()
        .objects.filter(pk__in=ranked)
        .values_list("pk", "title", "summary", "how_officers_can_help")
    }
    relevant = [pk for pk in ranked if pk in texts and is_relevant(terms, *texts[pk])]
    return localize_projects(relevant[:limit]), degraded


def localize_map(pks, language_code=None):
    """``{pk: page}`` for these projects, each page replaced by its live translation in the
    reader's language when there is one. Two queries whatever the count."""
    model = project_model()
    pages = list(model.objects.filter(pk__in=pks).select_related("lead_unit", "locale"))
    locale = _locale(language_code or get_language() or settings.LANGUAGE_CODE)
    translated = {}
    if locale is not None:
        live = live_projects().select_related("lead_unit", "locale")
        translated = translations(pages, locale.pk, live)
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
    return mark_content_locales(result)
