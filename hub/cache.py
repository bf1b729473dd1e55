"""One site-wide content version, moved by content events only, and the caches keyed on it.

Anything derived from published content (navigation, shared fragments, whole pages for
anonymous readers, the per-process memos of routes and names) keys its cache on
:func:`content_version`, so one publish invalidates all of it at once, in every process on
every host sharing the cache (``CACHE_URL``), without tracking which page appears where.

**Content events** move the version (:func:`connect_signals`, wired once in
``HubConfig.ready``):

- pages: published (also scheduled publishing and wagtail-localize's synced translations,
  which publish a revision), unpublished, moved or reordered, slug changed, deleted;
- Wagtail snippets (every registered snippet model: taxonomy, resources, officer roles and
  terms…), images, documents, redirects, sites, locales, page and collection privacy,
  promoted search results, tags and settings models;
- models an app declares as content with :func:`watch_content` (a project's members, public
  manifesto trackers…), and a person's public name or their account being switched off or
  deleted;
- :func:`bump_content_version` called by code that writes content without those signals
  (``QuerySet.update``, bulk loads, a search index caught up).

Nothing else does: feedback, notifications, join requests, progress, quiz attempts, search
statistics, sessions, sign-ins (``last_login``), lockouts and background tasks write freely
without emptying any cache.

The version moves at once and again when the transaction commits: another process that
rendered the old content between the two (it could not yet see the new rows) stored it under
the intermediate version, which the second move abandons.

Below it, :class:`AnonymousPageCacheMiddleware` keeps the finished HTML of public pages for
people without an account (``GET`` under a language prefix, e.g.
``/en/projects/?theme=wellbeing``) for ``PAGE_CACHE_SECONDS``. It never caches or serves a
cached page to anyone with a session or pending messages, nor a response that sets a cookie,
used a CSRF token, or asked not to be cached, so forms and anything personal are always
rendered afresh.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers

from hub.memo import VersionedMemo, VersionToken

KEY = "hub:content-version"
_content = VersionToken(KEY)
content_version = _content.current
_move_version = _content.move


def bump_content_version(**_kwargs):
    """Forget everything derived from content: now, and again once the transaction commits.

    Also a signal receiver (it ignores the signal's arguments).
    """
    _move_version()
    if not transaction.get_autocommit():
        transaction.on_commit(_move_version, robust=True)


# The page cache, fragments and memos share the one version (these names are kept for callers).
current_version = content_version
bump_version = bump_content_version


# Both keyed by content_version(): what published content says (sites, routes, names...).
tree_memo = VersionedMemo()
content_memo = VersionedMemo()


# --- Content events ----------------------------------------------------------------------

# Wagtail's own models whose rows change what readers see (besides pages and snippets).
WAGTAIL_CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailredirects.redirect",
    "wagtailsearchpromotions.searchpromotion",
    "taggit.tag",
}
# Saves that touch only these fields are housekeeping (Wagtail fills a file's size and hash in
# lazily, sometimes while a page is rendered): they change nothing a reader sees.
HOUSEKEEPING_FIELDS = {"file_size", "file_hash"}
# A person's fields that public pages show (member lists, leads, manifesto trackers).
PUBLIC_USER_FIELDS = ("display_name", "first_name", "last_name", "email", "is_active")

_declared: set[str] = set()
_content_labels: frozenset[str] | None = None


def watch_content(*models) -> None:
    """Declare models whose writes change what public pages show (from an app's ``ready()``).

    For rows that are neither pages nor snippets but appear on pages: a project's members,
    an officer's public manifesto tracker.
    """
    global _content_labels
    _declared.update(model._meta.label_lower for model in models)
    _content_labels = None


def content_labels() -> frozenset[str]:
    """Every model whose saves and deletes are content events (computed once, when first
    needed: snippets registered in ``wagtail_hooks`` are known only after every app is ready)."""
    global _content_labels
    if _content_labels is None:
        from wagtail.contrib.settings.registry import registry as settings_registry
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.snippets.models import get_snippet_models

        models = [*get_snippet_models(), *settings_registry, get_image_model()]
        models.append(get_document_model())
        labels = {model._meta.label_lower for model in models}
        _content_labels = frozenset(labels | WAGTAIL_CONTENT_MODELS | _declared)
    return _content_labels


def _is_content(model) -> bool:
    meta = getattr(model, "_meta", None)
    return meta is not None and meta.label_lower in content_labels()


def on_content_saved(sender, update_fields=None, **kwargs):
    """``post_save``/``post_delete`` receiver for every model: a content event or nothing."""
    if not _is_content(sender):
        return
    if update_fields is not None and set(update_fields) <= HOUSEKEEPING_FIELDS:
        return
    bump_content_version()


def on_content_related(sender, instance, action, **kwargs):
    """``m2m_changed`` receiver: links between content changed (a resource's themes...)."""
    if action.startswith("post_") and (_is_content(type(instance)) or _is_content(sender)):
        bump_content_version()


def on_user_saving(sender, instance, update_fields=None, **kwargs):
    """``pre_save`` for users: remember whether a field that pages show is about to change."""
    fields = set(PUBLIC_USER_FIELDS)
    if instance.pk is None or (update_fields is not None and not fields & set(update_fields)):
        instance._public_fields_changed = False
        return
    before = type(instance)._base_manager.filter(pk=instance.pk).values(*fields).first()
    instance._public_fields_changed = before is not None and any(
        before[name] != getattr(instance, name) for name in fields
    )


def on_user_saved(sender, instance, **kwargs):
    if getattr(instance, "_public_fields_changed", False):
        bump_content_version()


def connect_signals():
    """The one connection point of content events (``HubConfig.ready``)."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import pre_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    uid = "hub.content-version"
    page_published.connect(bump_content_version, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(bump_content_version, dispatch_uid=f"{uid}.unpublished")
    page_slug_changed.connect(bump_content_version, dispatch_uid=f"{uid}.slug")
    post_page_move.connect(bump_content_version, dispatch_uid=f"{uid}.moved")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid=f"{uid}.deleted")
    post_save.connect(on_content_saved, dispatch_uid=f"{uid}.saved")
    post_delete.connect(on_content_saved, dispatch_uid=f"{uid}.removed")
    m2m_changed.connect(on_content_related, dispatch_uid=f"{uid}.related")
    user = get_user_model()
    pre_save.connect(on_user_saving, sender=user, dispatch_uid=f"{uid}.user-saving")
    post_save.connect(on_user_saved, sender=user, dispatch_uid=f"{uid}.user-saved")
    post_delete.connect(bump_content_version, sender=user, dispatch_uid=f"{uid}.user-deleted")


def check_shared_cache(app_configs=None, **kwargs):
    """``check --deploy``: a production site's processes must share one cache."""
    from django.core import checks

    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            checks.Warning(
                "The cache is each process's own memory (CACHE_URL is not set).",
                hint=(
                    "With several processes (gunicorn workers, the task worker, "
                    "publish_scheduled) a publish can show late in the others. Set "
                    "CACHE_URL=redis://host:6379/0, the production cache."
                ),
                id="hub.W001",
            )
        ]
    return []


# --- Page cache for anonymous readers --------------------------------------------------

MAX_BYTES = 1024 * 1024
NEVER_CACHE = {"private", "no-cache", "no-store"}


def keep_out_of_page_cache(request) -> None:
    """This response must not be kept for other readers (e.g. search fell back to the
    database: the "less precise" notice has to go as soon as the engine is back)."""
    request._keep_out_of_page_cache = True


def _cache_control(response) -> set[str]:
    value = response.get("Cache-Control", "")
    return {part.split("=")[0].strip().lower() for part in cc_delim_re.split(value) if part}


class AnonymousPageCacheMiddleware:
    """Serve anonymous ``GET`` requests for public pages from the cache.

    Goes right after WhiteNoise, before sessions and authentication: a hit costs two cache
    reads. ``X-Page-Cache: hit|miss`` tells which happened.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def __call__(self, request):
        timeout = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        key = self.key_for(request) if timeout > 0 else None
        if key is None:
            return self.get_response(request)
        cached = cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.storable(request, response):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in {"set-cookie", "x-page-cache"}
            ]
            cache.set(key, (response.status_code, headers, response.content), timeout)
            response["X-Page-Cache"] = "miss"
        return response

    def key_for(self, request):
        if request.method != "GET" or not request.path_info.startswith(self.prefixes):
            return None
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return None
        if "HTTP_AUTHORIZATION" in request.META:
            return None
        excluded = getattr(settings, "PAGE_CACHE_EXCLUDED_PATHS", ())
        local_path = request.path_info.split("/", 2)[2]
        if local_path.startswith(tuple(excluded)):
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        # The scheme too: pages name their own absolute addresses (hreflang alternates).
        address = f"{request.scheme}|{host}|{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"page-cache:{current_version()}:{digest}"

    def storable(self, request, response) -> bool:
        return (
            response.status_code == 200
            and not getattr(request, "_keep_out_of_page_cache", False)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not (_cache_control(response) & NEVER_CACHE)
            and "max-age=0" not in response.get("Cache-Control", "")
            and len(response.content) <= MAX_BYTES
            and not getattr(getattr(request, "user", None), "is_authenticated", False)
        )


# --- Responses to signed-in people ---------------------------------------------------------


class PrivateForSignedInMiddleware:
    """Keep what signed-in people see out of shared caches (proxies, CDNs).

    Pages rendered for a signed-in reader carry personal data: contact e-mail addresses,
    dashboards, requests, the account pages. Any response to a signed-in request that does
    not choose its own caching gets ``Cache-Control: private, no-cache`` (the browser may keep
    it but asks again before reusing it); one that chose caching without saying ``public``
    gets ``private`` added. Deliberately public answers (image renditions) are left alone.
    Responses to anonymous readers are untouched, so the anonymous page cache works as before.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            directives = _cache_control(response)
            if not directives:
                patch_cache_control(response, private=True, no_cache=True)
            elif "public" not in directives and "private" not in directives:
                patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie",))
        return response
