"""Translating or syncing a whole section into other languages, in the background.

:func:`start` records a :class:`~hub.models.BulkTranslationJob` and enqueues
:func:`hub.tasks.translate_section`, which calls :func:`run`: for each page of the section
(parents first) and each language it updates wagtail-localize's source from the page
(``TranslationSource.update_or_create_from_instance``), makes or re-enables the
``Translation``, optionally machine-translates the text still missing, and saves the target
page (``Translation.save_target``): published if the job says so and the original is live,
otherwise as a draft. Running it again syncs the same translations instead of adding pages.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from hub.machine_translation import machine_translate_missing
from hub.models import BulkTranslationJob

logger = logging.getLogger(__name__)

MAX_ERRORS = 50  # kept on the job; the rest are counted in ``failed`` only


def section_pages(section):
    """The section's own pages (not aliases), parents before children: a queryset."""
    return (
        Page.objects.descendant_of(section, inclusive=True)
        .filter(alias_of__isnull=True, locale_id=section.locale_id)
        .order_by("path")
    )


def start(section, locales, user, machine_translate=False, publish=False):
    """Record a job for ``section`` into ``locales`` and queue it; returns the job."""
    from hub.tasks import translate_section

    locales = [locale for locale in locales if locale.pk != section.locale_id]
    job = BulkTranslationJob.objects.create(
        section=section,
        total=section_pages(section).count() * len(locales),
        machine_translate=machine_translate,
        publish=publish,
        started_by=user,
    )
    job.locales.set(locales)
    translate_section.enqueue(job.pk)
    job.refresh_from_db()
    return job


def _translate(page, locale, job, user):
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if job.machine_translate:
        machine_translate_missing(translation, user=user)
    translation.save_target(user=user, publish=job.publish and page.live)


def _in_chunks(ids, size=100):
    """The specific pages of ``ids`` in that order, ``size`` at a time."""
    for offset in range(0, len(ids), size):
        chunk = ids[offset : offset + size]
        yield from Page.objects.filter(pk__in=chunk).order_by("path").specific()


def run(job_id):
    """Carry out one job, saving its progress after each translation. Returns the job."""
    job = BulkTranslationJob.objects.select_related("section", "started_by").get(pk=job_id)
    if job.is_finished:
        return job
    user = job.started_by
    if job.section is None:  # deleted while the job waited
        job.status = BulkTranslationJob.Status.FAILED
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "finished_at"])
        return job
    locales = [locale for locale in job.locales.all() if locale.pk != job.section.locale_id]
    # Ids first: the loop writes pages, and SQLite must not be read from an open cursor then.
    ids = list(section_pages(job.section).values_list("pk", flat=True))
    job.total = len(ids) * len(locales)
    job.status = BulkTranslationJob.Status.RUNNING
    job.save(update_fields=["total", "status"])
    for page in _in_chunks(ids):
        allowed = user is not None and page.permissions_for_user(user).can_edit()
        for locale in locales:
            try:
                if not allowed:
                    raise PermissionError(_("You are not allowed to edit this page."))
                with transaction.atomic():
                    _translate(page, locale, job, user)
                job.done += 1
            except Exception as error:  # one page's failure must not stop the section
                logger.exception("bulk translation %s: page %s into %s", job.pk, page.pk, locale)
                job.failed += 1
                if len(job.errors) < MAX_ERRORS:
                    job.errors.append(
                        {
                            "page": page.pk,
                            "title": page.title,
                            "language": locale.language_code,
                            "error": str(error)[:300],
                        }
                    )
            BulkTranslationJob.objects.filter(pk=job.pk).update(
                done=job.done, failed=job.failed, errors=job.errors
            )
    job.status = (
        BulkTranslationJob.Status.FAILED
        if job.failed and not job.done
        else BulkTranslationJob.Status.DONE
    )
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at"])
    return job
