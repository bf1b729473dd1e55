"""Every language's tree kept complete: an alias in each synchronised language for every page.

wagtail-localize creates aliases when a synchronisation is set up and when a page is created
in the admin; :func:`ensure_aliases` does the same for a page published any other way (the
registration form, code, imports), so it is listed, marked with its language, everywhere at
once until a translation takes the alias's place. What a page's languages are, once mirrored,
is :mod:`hub.languages`'s question.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Count
from wagtail.models import Locale, Page

from hub.cache import bump_content_version

logger = logging.getLogger(__name__)


def synchronised_locale_ids() -> set[int]:
    """The locales that take part in wagtail-localize's tree synchronisation (either side)."""
    from wagtail_localize.models import LocaleSynchronization

    ids = set()
    for locale_id, sync_from_id in LocaleSynchronization.objects.values_list(
        "locale_id", "sync_from_id"
    ):
        ids.update((locale_id, sync_from_id))
    return ids


def ensure_aliases(page, locale_ids=None) -> list:
    """Give a page an alias in every synchronised language it is missing from.

    wagtail-localize creates aliases when the synchronisation is set up and when a page is
    created in the admin (its ``after_create_page`` hook), but not for pages created in code,
    such as projects registered through the public form and published after review. Aliases
    go under the parent's counterpart in each language (its missing ancestors are aliased
    too). A page that already exists in a language, as a translation or an alias, is left
    alone there. Returns the new aliases.
    """
    page = page.specific
    if page.alias_of_id is not None or page.depth <= 2 or not page.live:
        return []
    if locale_ids is None:
        locale_ids = synchronised_locale_ids()
    if page.locale_id not in locale_ids:
        return []
    present = set(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    created = []
    for locale in Locale.objects.filter(pk__in=locale_ids - present).order_by("pk"):
        created.append(page.copy_for_translation(locale, copy_parents=True, alias=True))
    return created


def on_page_published(sender, instance, **kwargs):
    """``page_published`` receiver: mirror a newly published page into every language.

    Runs inside the publish; a failure here is logged and never stops the publish itself.
    """
    if kwargs.get("alias") or instance.alias_of_id is not None:
        return
    try:
        with transaction.atomic():
            created = ensure_aliases(instance)
    except Exception:  # the page is published either way; the tree can be synced later
        logger.exception("Could not create language aliases for page %s", instance.pk)
        return
    if created:
        logger.info(
            "Page %s mirrored into %s",
            instance.pk,
            ", ".join(sorted(alias.locale.language_code for alias in created)),
        )
        bump_content_version()


def sync_all_languages() -> int:
    """Mirror every live page into every synchronised language (``manage.py sync_languages``).

    For sites where pages were published before :func:`on_page_published` existed, or
    created in code. Returns how many aliases were created.
    """
    created = 0
    locale_ids = synchronised_locale_ids()
    if not locale_ids:
        return 0
    complete = (
        Page.objects.filter(locale_id__in=locale_ids)
        .values("translation_key")
        .annotate(languages=Count("locale_id", distinct=True))
        .filter(languages__gte=len(locale_ids))
        .values("translation_key")
    )
    pending = (
        Page.objects.live()
        .filter(alias_of__isnull=True, depth__gt=2, locale_id__in=locale_ids)
        .exclude(translation_key__in=complete)
        .order_by("path")
        .values_list("pk", flat=True)
    )
    for pk in list(pending):  # parents first (tree order), so children find their parent
        page = Page.objects.filter(pk=pk).first()
        if page is not None:
            created += len(ensure_aliases(page, locale_ids))
    if created:
        bump_content_version()
    return created


def on_alias_converted(sender, instance, update_fields=None, **kwargs):
    """``post_save`` receiver: an alias turned into a translation changes what pages say
    about their languages, even before the translation is published."""
    changed = update_fields and {"alias_of", "alias_of_id"} & set(update_fields)
    if changed and isinstance(instance, Page):
        bump_content_version()


def connect():
    from django.db.models.signals import post_save
    from wagtail.signals import page_published

    page_published.connect(on_page_published, dispatch_uid="hub.languages.aliases")
    post_save.connect(on_alias_converted, dispatch_uid="hub.languages.alias-converted")
