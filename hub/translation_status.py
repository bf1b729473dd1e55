"""Where each page stands in each language: the states behind the translation status report.

For every source page (a page in the default locale that is not an alias) and every other
language, :func:`cell_states` says one of:

``up_to_date``
    a translation exists and nothing in the source changed since it was last synced;
``outdated``
    the source page changed after wagtail-localize last read it (its latest revision is newer
    than the ``TranslationSource``), or the source was synced after the translated page was
    last saved (the new strings are not on the page yet);
    for a page translated by hand (no wagtail-localize translation), the source has a newer
    revision than the translation;
``in_progress``
    a wagtail-localize translation with some segments still untranslated (with the share of
    segments translated), or all translated but edited since the page was last saved (100%:
    ready to publish);
``machine``
    machine translated and not yet reviewed by a person (see :func:`machine_state`);
``missing``
    no page in that language;
``alias``
    an alias of the source: readers see the source's text, nothing is translated.

The work is six queries whatever the number of rows: the rows, their ``TranslationSource``
rows with the number of segments of each, the languages they are translated into (pairs of
ids), the rows' pages in the other languages, the translated segments per source and language
(one ``GROUP BY``), and the unreviewed machine translations. The counts need every row's state
(10,000 pages × 7 languages is 70,000 cells), so the rows are slim: tuples of ids and text,
no model instances; each page's "last changed" is worked out by the database, and moments and
UUIDs are read as text (``CAST``), which spares Django's conversion of every value, and parsed
with :meth:`datetime.fromisoformat`. :func:`summarise` counts the states without making a
:class:`Cell`; :func:`cell_states` makes them for the 50 rows shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import CharField, Count, F, Max, Q
from django.db.models.functions import Cast, Coalesce, Greatest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
IN_PROGRESS = "in_progress"
MACHINE = "machine"
MISSING = "missing"
ALIAS = "alias"

STATES = [
    (UP_TO_DATE, _("Up to date")),
    (OUTDATED, _("Outdated")),
    (IN_PROGRESS, _("In progress")),
    (MACHINE, _("Machine translated, not reviewed")),
    (MISSING, _("Missing")),
    (ALIAS, _("Alias (shows the source)")),
]
STATE_LABELS = dict(STATES)


@dataclass(slots=True)
class Cell:
    """One page in one language: its state, the share of segments translated, and where its
    action is (:attr:`url`, worked out only when a cell is shown)."""

    state: str
    source_page_id: int
    page_id: int | None = None
    percent: int | None = None
    sync_source_id: int | None = None

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def action(self):
        return ACTION_LABELS[self.state]

    @property
    def url(self):
        if self.state in (MISSING, ALIAS):  # wagtail-localize's "Translate this page"
            return reverse("wagtail_localize:submit_page_translation", args=[self.source_page_id])
        if self.state == MACHINE:  # the confirmation of "Mark translation reviewed"
            return reverse("hub_translation_review", args=[self.page_id])
        if self.sync_source_id is not None:
            return reverse("wagtail_localize:update_translations", args=[self.sync_source_id])
        # The page editor, which wagtail-localize turns into its translation editor for a
        # page it translates (to translate, review or publish).
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])

    def __str__(self):
        if self.state == IN_PROGRESS:
            return f"{self.label} ({self.percent}%)"
        return str(self.label)


ACTION_LABELS = {
    UP_TO_DATE: _("Edit"),
    OUTDATED: _("Sync"),
    IN_PROGRESS: _("Translate"),
    MACHINE: _("Review"),
    MISSING: _("Translate this page"),
    ALIAS: _("Translate this page"),
}


def machine_state(page_ids) -> set[int]:
    """The pages among ``page_ids`` (translated pages) that were machine translated and not
    yet reviewed by a person, in one query (:mod:`hub.machine_translation`)."""
    from hub.machine_translation import machine_state as unreviewed_among

    return unreviewed_among(page_ids)


def target_locales(language_codes=None, default=None) -> list[Locale]:
    """The languages a source page is translated into: every locale but the default one, in
    the order of ``LANGUAGES``; only ``language_codes`` when given."""
    from django.conf import settings

    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    default = default or Locale.get_default()
    locales = Locale.objects.exclude(pk=default.pk)
    if language_codes:
        locales = locales.filter(language_code__in=language_codes)
    return sorted(locales, key=lambda locale: order.get(locale.language_code, len(order)))


def source_pages(default=None):
    """Every source page: in the default locale, not an alias, not the tree's root."""
    default = default or Locale.get_default()
    return Page.objects.filter(locale=default, alias_of__isnull=True, depth__gt=1)


def _text(expression):
    """``expression`` read as text: no per-value conversion by Django when thousands of rows
    are read (a UUID stays the database's own spelling, the same in every query)."""
    return Cast(expression, output_field=CharField())


def _changed(prefix=""):
    """When a page last changed: the later of its latest revision and its last publication
    (either may be empty), worked out by the database and read as text."""
    revised, published = f"{prefix}latest_revision_created_at", f"{prefix}last_published_at"
    return _text(Greatest(Coalesce(revised, published), Coalesce(published, revised)))


def _moment(text):
    """A moment read as text by :func:`_text` (ISO 8601 on every backend), or ``None``."""
    return datetime.fromisoformat(text) if text else None


def cell_states(rows, locales) -> dict[int, dict[int, Cell]]:
    """``{source page id: {locale id: Cell}}`` for ``rows`` (a page queryset or a list of
    pages from :func:`source_pages`) in ``locales``, in a constant number of queries."""
    return {
        pk: {
            locale_id: Cell(state, pk, page_id, percent, sync_source_id)
            for locale_id, (state, page_id, percent, sync_source_id) in row
        }
        for pk, row in _states(rows, locales)
    }


#: Above this many rows, :func:`_states` reads each table by language and picks the rows'
#: keys out itself.
SCAN_ROWS = 500


def _states(rows, locales):
    """``(source page id, [(locale id, (state, page id, percent, sync source id))])`` for
    every row: the work of :func:`cell_states` on slim rows (tuples of ints and text, no
    model instances), in six queries."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    from hub.models import MachineTranslation

    if isinstance(rows, list | tuple):
        rows = Page.objects.filter(pk__in=[page.pk for page in rows])
    rows = rows.order_by()
    row_values = list(
        rows.annotate(key=_text("translation_key"), changed=_changed()).values_list(
            "pk", "key", "locale_id", "changed"
        )
    )
    if not row_values:
        return
    locale_ids = [locale.pk for locale in locales]
    wanted = {key for _pk, key, _locale, _changed_at in row_values}
    # Many rows (the report's counts): each table is read by language alone and the rows'
    # keys are picked out here, which is cheaper than one index probe per key and language
    # (at 10,000 pages: the other languages' pages in 73 ms instead of 172 ms). A page of
    # rows: the keys go to the database.
    scan = len(row_values) > SCAN_ROWS
    keys = rows.values("translation_key")

    # wagtail-localize's sources of the rows, with their number of segments, and the
    # languages they are translated into.
    sources = TranslationSource.objects.filter(locale_id=row_values[0][2])
    if not scan:
        sources = sources.filter(object_id__in=keys)
    source_rows = {  # source id -> (key, synced at, segments)
        source_id: (key, _moment(synced), total)
        for source_id, key, synced, total in sources.order_by()
        .annotate(
            key=_text("object_id"),
            synced=_text("last_updated_at"),
            total=Count("stringsegment"),
        )
        .values_list("pk", "key", "synced", "total")
        if key in wanted
    }
    enabled = Translation.objects.filter(target_locale_id__in=locale_ids, enabled=True)
    translations = {}  # (key, locale id) -> (source id, synced at, segments)
    for source_id, locale_id in (
        enabled if scan else enabled.filter(source__in=sources)
    ).values_list("source_id", "target_locale_id"):
        if source_id in source_rows:
            key, synced_at, total = source_rows[source_id]
            translations[key, locale_id] = (source_id, synced_at, total)
    # The rows' pages in the other languages, each with its wagtail-localize translation.
    others = Page.objects.filter(locale_id__in=locale_ids)
    counterparts = {}  # (key, locale id) -> (page id, alias_of, changed at, translation)
    for pk, key, locale_id, alias_of, changed in (
        (others if scan else others.filter(translation_key__in=keys))
        .order_by()
        .annotate(key=_text("translation_key"), changed=_changed())
        .values_list("pk", "key", "locale_id", "alias_of_id", "changed")
    ):
        if key in wanted:
            pair = key, locale_id
            counterparts[pair] = (pk, alias_of, _moment(changed), translations.get(pair))
    # The sources' segments translated in each language. A segment has one string and one
    # context, so it matches at most one string translation per language: no DISTINCT.
    done = {
        (source_id, locale_id): (n, _moment(edited_at))
        for source_id, locale_id, n, edited_at in StringTranslation.objects.filter(
            translation_of__segments__in=StringSegment.objects.filter(source__in=sources),
            context_id=F("translation_of__segments__context_id"),
            locale_id__in=locale_ids,
            has_error=False,
        )
        .order_by()
        .values("translation_of__segments__source_id", "locale_id")
        .annotate(n=Count("translation_of__segments"), edited_at=_text(Max("updated_at")))
        .values_list("translation_of__segments__source_id", "locale_id", "n", "edited_at")
    }
    # The rows' pages machine translated and not reviewed (hub.machine_translation): few
    # at any time, so all of them when the rows are many.
    unreviewed = MachineTranslation.objects.filter(reviewed_at__isnull=True)
    if not scan:
        unreviewed = unreviewed.filter(
            page__translation_key__in=keys, page__locale_id__in=locale_ids
        )
    machine = set(unreviewed.values_list("page_id", flat=True))

    for pk, key, _locale, changed in row_values:
        source_changed_at = _moment(changed)
        yield (
            pk,
            [
                (
                    locale_id,
                    _state(
                        source_changed_at,
                        counterparts.get((key, locale_id)),
                        done,
                        locale_id,
                        machine,
                    ),
                )
                for locale_id in locale_ids
            ],
        )


def _state(source_changed_at, counterpart, done, locale_id, machine):
    """``(state, page id, percent, sync source id)`` of one page in one language."""
    if counterpart is None:
        return MISSING, None, None, None
    page_id, alias_of, changed_at, translation = counterpart
    if alias_of is not None:
        return ALIAS, page_id, None, None
    if translation is None:  # translated by hand, or wagtail-localize's translation stopped
        if source_changed_at and changed_at and source_changed_at > changed_at:
            return OUTDATED, page_id, None, None
        return UP_TO_DATE, page_id, None, None
    source_id, synced_at, total = translation
    if source_changed_at and synced_at and source_changed_at > synced_at:
        return OUTDATED, page_id, None, source_id
    if page_id in machine:
        return MACHINE, page_id, None, None
    translated, edited_at = done.get((source_id, locale_id), (0, None))
    if translated < total:
        return IN_PROGRESS, page_id, int(100 * translated / total), None
    if edited_at and changed_at and edited_at > changed_at:  # all translated, not yet published
        return IN_PROGRESS, page_id, 100, None
    if synced_at and changed_at and changed_at < synced_at:  # synced, not applied to the page
        return OUTDATED, page_id, None, None
    return UP_TO_DATE, page_id, None, None


def summarise(rows, locales) -> dict:
    """For every row of ``rows`` (a page queryset): ``{"counts": {locale id: {state: n}},
    "pages": {state: [source page ids with a cell in that state]}}``, small enough to cache.
    No :class:`Cell` is made: one pass over the slim states of :func:`_states`."""
    counts = {locale.pk: dict.fromkeys(STATE_LABELS, 0) for locale in locales}
    pages = {state: [] for state in STATE_LABELS}
    for pk, row in _states(rows, locales):
        seen = set()
        for locale_id, (state, *_rest) in row:
            counts[locale_id][state] += 1
            seen.add(state)
        for state in seen:
            pages[state].append(pk)
    return {"counts": counts, "pages": pages}


def data_version() -> tuple:
    """What the states depend on, in five aggregate queries: it changes when a page is added,
    deleted, edited or published, an alias becomes a translation, a translation is started,
    synced or stopped, a string is translated, or a machine translation is recorded or
    reviewed. A cache key for :func:`summarise`."""
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    from hub.models import MachineTranslation

    return (
        tuple(
            Page.objects.aggregate(
                n=Count("pk"),
                top=Max("pk"),
                aliases=Count("alias_of"),
                revised=Max("latest_revision_created_at"),
                published=Max("last_published_at"),
            ).values()
        ),
        tuple(
            TranslationSource.objects.aggregate(
                n=Count("pk"), synced=Max("last_updated_at")
            ).values()
        ),
        tuple(
            Translation.objects.aggregate(
                n=Count("pk"), top=Max("pk"), enabled=Count("pk", filter=Q(enabled=True))
            ).values()
        ),
        tuple(
            MachineTranslation.objects.aggregate(
                n=Count("pk"),
                translated=Max("translated_at"),
                reviewed=Max("reviewed_at"),
                unreviewed=Count("pk", filter=Q(reviewed_at__isnull=True)),
            ).values()
        ),
        tuple(
            StringTranslation.objects.aggregate(
                n=Count("pk"),
                edited=Max("updated_at"),
                errors=Count("pk", filter=Q(has_error=True)),
            ).values()
        ),
    )


def count_rows(counts, locales) -> list[dict]:
    """:func:`summarise`'s counts for a template: ``[{"locale", "counts": [(state, label,
    n)]}]`` in the order of :data:`STATES`."""
    return [
        {
            "locale": locale,
            "counts": [(state, label, counts[locale.pk][state]) for state, label in STATES],
        }
        for locale in locales
    ]
