"""Demo translations, loaded from ``demo/translations/<lang>.json`` the way editors translate.

Each file translates, into one language, the structural pages (home, registry, guidance,
induction), a few guidelines, projects and a training module, and the shared taxonomies
(themes, units, campuses). It is keyed by page (its address below the English home page, ``""``
for home) or snippet (``"hub.theme:wellbeing"``), then by the English text of each segment::

    {"pages": {"projects/": {"Project registry": "Projektverzeichnis", ...}},
     "snippets": {"hub.theme:wellbeing": {"Wellbeing": "Wohlbefinden", ...}}}

Each text becomes a wagtail-localize string translation and the page or snippet is saved
through ``Translation.save_target`` (published), just as the admin's translation editor does,
so the demo exercises the same path as real content. Structural pages keep their English slug
in every language (``/de/projects/`` is a stable address). What is already a real translation
is left alone, so loading twice changes nothing.

``manage.py load_demo --export-translations`` writes the files back with every missing text
as ``""`` (translations already present are kept), for a translator to fill in.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

DATA = Path(__file__).resolve().parent / "translations"

# Pages translated into every language (addresses below the English home page).
STRUCTURAL = ["", "projects/", "guidance/", "induction/"]
CONTENT = [
    "guidance/keeping-representatives-informed/",
    "guidance/quick-check-in-surveys/",
    "guidance/writing-a-partnership-agreement/",
    "projects/monthly-student-wellbeing-poll/",
    "projects/mid-module-check-in-survey/",
    "projects/accessible-course-materials-review/",
    "projects/first-partnership-agreement-between-the-union-and-the-institution/",
    "projects/officer-induction-joining-existing-projects/",
    "induction/2027/signposting-students-to-support/",
]
SNIPPET_MODELS = ["hub.theme", "hub.unit", "hub.campus"]


class MissingTranslation(ValueError):
    pass


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def read(code: str) -> dict:
    path = DATA / f"{code}.json"
    if not path.exists():
        return {"pages": {}, "snippets": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def english_pages(source_locale) -> dict[str, Page]:
    home = Page.objects.get(depth=2, locale=source_locale)
    found = {}
    for address in STRUCTURAL + CONTENT:
        page = (
            Page.objects.filter(locale=source_locale, url_path=home.url_path + address)
            .specific()
            .first()
        )
        if page is not None:
            found[address] = page
    return found


def english_snippets(source_locale) -> dict[str, object]:
    found = {}
    for label in SNIPPET_MODELS:
        model = apps.get_model(label)
        for item in model.objects.filter(locale=source_locale).order_by("slug"):
            found[f"{label}:{item.slug}"] = item
    return found


def segments(instance):
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    rows = StringSegment.objects.filter(source=source).select_related("string", "context")
    return source, list(rows.order_by("order"))


def is_translated(instance, locale) -> bool:
    existing = instance.get_translation_or_none(locale)
    return existing is not None and getattr(existing, "alias_of_id", None) is None


def translate(instance, texts: dict[str, str], locale, user, *, keep_slug=False) -> bool:
    """Translate ``instance`` into ``locale`` from ``texts``; False if there is nothing to do.

    An entry whose texts are all blank is not started yet and is skipped; one that is partly
    filled in raises :class:`MissingTranslation`, naming the first text it lacks.
    """
    if is_translated(instance, locale) or not any(texts.values()):
        return False  # done already, or not started (an exported file's blank entry)
    source, rows = segments(instance)
    missing = [
        row.string.data
        for row in rows
        if not (keep_slug and row.context.path == "slug") and not texts.get(row.string.data)
    ]
    if missing:
        raise MissingTranslation(
            f"{locale.language_code}: {instance!r} lacks {len(missing)} texts, "
            f"e.g. {missing[0][:80]!r} (run load_demo --export-translations)"
        )
    # A structural page keeps the address it has in that language already (its alias's slug):
    # a new slug would move its subtree's addresses.
    existing = instance.get_translation_or_none(locale) if keep_slug else None
    for row in rows:
        if keep_slug and row.context.path == "slug":
            data = existing.slug if existing is not None else row.string.data
        else:
            data = texts[row.string.data]
        StringTranslation.objects.update_or_create(
            translation_of=row.string,
            locale=locale,
            context=row.context,
            defaults={
                "data": data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(user=user, publish=True)
    return True


def load(ctx):
    """Translate what each language's file covers (after the tree is mirrored)."""
    source_locale = Locale.get_default()
    pages = english_pages(source_locale)
    snippets = english_snippets(source_locale)
    user = ctx.users.get("editor")
    for code in languages():
        data = read(code)
        locale = Locale.objects.get(language_code=code)
        for key, texts in data.get("snippets", {}).items():
            if key in snippets and translate(snippets[key], texts, locale, user):
                ctx.count("translated snippet")
        # Parents before children, so a translation replaces its alias under a translated parent.
        for address in sorted(data.get("pages", {}), key=lambda a: a.count("/")):
            page = pages.get(address)
            if page is not None and translate(
                page, data["pages"][address], locale, user, keep_slug=address in STRUCTURAL
            ):
                ctx.count("translated page")


def export() -> list[Path]:
    """Write each language's file with every text still to translate as ``""``."""
    source_locale = Locale.get_default()
    pages = english_pages(source_locale)
    snippets = english_snippets(source_locale)
    written = []
    for code in languages():
        locale = Locale.objects.get(language_code=code)
        old = read(code)
        new = {"language": code, "pages": {}, "snippets": {}}
        for group, items in (("snippets", snippets), ("pages", pages)):
            for key, instance in items.items():
                known = old.get(group, {}).get(key, {})
                if not known and is_translated(instance, locale):
                    continue  # translated by other means (e.g. the knowledge demo's own tables)
                keep_slug = group == "pages" and key in STRUCTURAL
                _source, rows = segments(instance)
                new[group][key] = {
                    row.string.data: known.get(row.string.data, "")
                    for row in rows
                    if not (keep_slug and row.context.path == "slug")
                }
        path = DATA / f"{code}.json"
        path.write_text(json.dumps(new, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written
