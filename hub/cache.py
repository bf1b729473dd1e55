"""A site-wide content version: bumped whenever published pages change.

Anything derived from the page tree (navigation, cached fragments or responses) keys its cache
on :func:`content_version`, so one publish, unpublish, move or delete invalidates all of it at
once without tracking which page appears where.
"""

from django.core.cache import cache

KEY = "hub:content-version"


def content_version():
    version = cache.get(KEY)
    if version is None:
        version = 1
        cache.add(KEY, version, timeout=None)
    return version


def bump_content_version(**_kwargs):
    try:
        cache.incr(KEY)
    except ValueError:
        cache.set(KEY, 2, timeout=None)


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    uid = "hub.content-version"
    page_published.connect(bump_content_version, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(bump_content_version, dispatch_uid=f"{uid}.unpublished")
    page_slug_changed.connect(bump_content_version, dispatch_uid=f"{uid}.slug")
    post_page_move.connect(bump_content_version, dispatch_uid=f"{uid}.moved")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid=f"{uid}.deleted")
    post_save.connect(bump_content_version, sender=Site, dispatch_uid=f"{uid}.site")
    post_delete.connect(bump_content_version, sender=Site, dispatch_uid=f"{uid}.site-deleted")
