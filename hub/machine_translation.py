"""Machine translation: the offline stand-in translator, provenance and review.

- :class:`StandInTranslator` is wagtail-localize's machine translator in development and
  tests when there is no DeepL key (``HUB_MACHINE_TRANSLATOR``, ``hub/settings/sources.py``):
  every segment becomes ``[DE MT] <source text>``, obviously not a real translation, with its
  inline HTML (links, bold…) untouched.
- When a translated page is published while some of its text is still the machine's
  (wagtail-localize's ``StringTranslation.translation_type == "machine"``; a string edited by a
  person becomes ``"manual"``), :func:`record_on_publish` records a
  :class:`~hub.models.MachineTranslation`; readers see a notice until an editor marks the page
  reviewed (:func:`mark_reviewed`).
- :func:`machine_state` answers "which of these pages are machine translated and not
  reviewed" in one query (the translation status report).
"""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.signals import page_published
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue

from hub.cache import content_version, tree_memo
from hub.models import MachineTranslation

MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


def _language(locale):
    return locale.language_code.split("-")[0].lower()


class StandInTranslator(BaseMachineTranslator):
    """Offline "translation" that only labels the source text: for trying the workflow."""

    display_name = _("Stand-in machine translator (not a real translation)")

    def translate(self, source_locale, target_locale, strings):
        marker = f"[{_language(target_locale).upper()} MT] "
        # ``string.data`` is the segment's HTML (inline tags, entities already escaped): the
        # marker is plain text without markup characters, so prefixing keeps it valid HTML.
        return {string: StringValue(marker + string.data) for string in strings}

    def can_translate(self, source_locale, target_locale):
        languages = {code for code, _name in settings.LANGUAGES}
        source, target = _language(source_locale), _language(target_locale)
        return source != target and source in languages and target in languages


# --- Filling a translation's missing text --------------------------------------------------


def machine_translate_missing(translation, user=None, translator=None):
    """Machine-translate the segments of ``translation`` that have no translation yet.

    Existing translations (a person's or the machine's) are kept. Returns how many segments
    were filled; 0 when no translator is configured or it cannot translate this pair.
    """
    translator = translator or get_machine_translator()
    source, target = translation.source, translation.target_locale
    if translator is None or not translator.can_translate(source.locale, target):
        return 0
    done = set(
        StringTranslation.objects.filter(
            locale=target, context__object_id=source.object_id
        ).values_list("translation_of_id", "context_id")
    )
    wanted = {}
    for segment in source.stringsegment_set.select_related("string"):
        if (segment.string_id, segment.context_id) in done:
            continue
        wanted.setdefault(segment.string.as_value(), []).append(
            (segment.string_id, segment.context_id)
        )
    if not wanted:
        return 0
    results = translator.translate(source.locale, target, list(wanted))
    filled = 0
    for value, keys in wanted.items():
        result = results.get(value)
        if result is None or result.data is None:
            continue
        for string_id, context_id in keys:
            StringTranslation.objects.get_or_create(
                translation_of_id=string_id,
                locale=target,
                context_id=context_id,
                defaults={
                    "data": result.data,
                    "translation_type": MACHINE,
                    "tool_name": str(translator.display_name),
                    "last_translated_by": user,
                },
            )
            filled += 1
    return filled


# --- Provenance ----------------------------------------------------------------------------


def latest_machine_string(page):
    """``(translation, string)``: the wagtail-localize ``Translation`` that fills ``page`` and
    the newest machine-made ``StringTranslation`` it uses; ``(None, None)`` if there is none."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .select_related("source")
        .first()
    )
    if translation is None or translation.source.locale_id == page.locale_id:
        return None, None
    used = StringSegment.objects.filter(
        source=translation.source,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    latest = (
        StringTranslation.objects.filter(
            locale_id=page.locale_id,
            translation_type=MACHINE,
            context__object_id=page.translation_key,
        )
        .filter(Exists(used))
        .order_by("-updated_at")
        .only("tool_name", "updated_at")
        .first()
    )
    return translation, latest


def record_on_publish(sender, instance, **kwargs):
    """``page_published``: note a translated page published with machine-made text.

    A page already marked reviewed goes back to "not reviewed" only if machine text newer than
    the review was published (e.g. new segments machine-translated after a sync).
    """
    translation, latest = latest_machine_string(instance)
    if latest is None:
        return
    record = MachineTranslation.objects.filter(page_id=instance.pk).first()
    if record is None:
        record = MachineTranslation(page_id=instance.pk)
    elif latest.updated_at <= (record.reviewed_at or record.translated_at):
        return  # nothing the machine wrote since it was recorded or reviewed
    record.source_locale_id = translation.source.locale_id
    record.translator = latest.tool_name[:255]
    record.translated_at = latest.updated_at
    record.reviewed_at = None
    record.reviewed_by = None
    record.save()


def connect():
    page_published.connect(record_on_publish, dispatch_uid="hub.machine_translation")


def machine_state(page_ids):
    """The ids among ``page_ids`` that are machine translated and not reviewed (one query)."""
    return set(
        MachineTranslation.objects.filter(
            page_id__in=list(page_ids), reviewed_at__isnull=True
        ).values_list("page_id", flat=True)
    )


def unreviewed_ids():
    """Every page id machine translated and not reviewed: one query per content version."""

    def lookup():
        return frozenset(
            MachineTranslation.objects.filter(reviewed_at__isnull=True).values_list(
                "page_id", flat=True
            )
        )

    return tree_memo.get_or_set(content_version(), "machine-unreviewed", lookup)


def unreviewed(page):
    """``page``'s :class:`MachineTranslation` if readers should see the notice, else ``None``."""
    if not isinstance(page, Page) or page.pk is None or page.pk not in unreviewed_ids():
        return None

    def lookup():
        return (
            MachineTranslation.objects.filter(page_id=page.pk, reviewed_at__isnull=True)
            .select_related("source_locale")
            .first()
        )

    return tree_memo.get_or_set(content_version(), ("machine-translation", page.pk), lookup)


def mark_reviewed(page, user):
    """Mark ``page``'s machine translation reviewed by ``user``; ``False`` if nothing to do."""
    updated = MachineTranslation.objects.filter(page=page, reviewed_at__isnull=True).first()
    if updated is None:
        return False
    updated.reviewed_at = timezone.now()
    updated.reviewed_by = user
    updated.save()  # a content event (hub.cache.watch_content): cached pages lose the notice
    return True
