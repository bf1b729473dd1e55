"""A site-wide content version: bumped whenever published pages change.

Anything derived from the page tree (navigation, cached fragments or responses) keys its cache
on :func:`content_version`, so one publish, unpublish, move or delete invalidates all of it at
once without tracking which page appears where.

Below it, a full-response cache for what anonymous readers see, with its own, broader
version (any content write, not only the page tree, changes what a page shows).

Most traffic is people without an account reading the registry, projects and guidance.
:class:`AnonymousPageCacheMiddleware` keeps the finished HTML of those pages (``GET`` under a
language prefix, e.g. ``/en/projects/?theme=wellbeing``) for ``PAGE_CACHE_SECONDS``.

It never caches or serves a cached page to anyone with a session or pending messages, nor a
response that sets a cookie, used a CSRF token, or asked not to be cached, so forms and
anything personal are always rendered afresh.

Every key includes a *content version*: a random token replaced whenever content changes
(a page published, unpublished, moved or deleted; a snippet, image, document, translation
or user edited…), so an edit shows at once, in every worker process sharing the cache.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers

KEY = "hub:content-version"


def content_version():
    version = cache.get(KEY)
    if version is None:
        # A random start, not 1: if the key is evicted or the cache cleared, the new version
        # can never equal one a worker's in-memory memo still holds answers for.
        cache.add(KEY, secrets.randbits(52), timeout=None)
        version = cache.get(KEY)
    return version


def bump_content_version(**_kwargs):
    try:
        cache.incr(KEY)
    except ValueError:  # evicted meanwhile: start afresh at random, as content_version() does
        cache.set(KEY, secrets.randbits(52), timeout=None)


class VersionedMemo:
    """A bounded, per-process LRU table emptied whenever the version it is read with changes.

    For answers that are cheap to hold in memory but cost queries to compute on every
    request (the site for a host, a page's address, translated taxonomy names). Each worker
    process has its own table; the version (read from the shared cache) keeps them honest.
    """

    def __init__(self, max_entries: int = 4096):
        self.max_entries = max_entries
        self._version = None
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, version, key, default=None):
        if version is None:  # no shared cache to keep workers in step: remember nothing
            return default
        with self._lock:
            if version != self._version:
                self._data.clear()
                self._version = version
                return default
            try:
                value = self._data[key]
            except KeyError:
                return default
            self._data.move_to_end(key)
            return value

    def set(self, version, key, value) -> None:
        if version is None:
            return
        with self._lock:
            if version != self._version:
                self._data.clear()
                self._version = version
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def get_or_set(self, version, key, compute):
        """The remembered value for ``key``, else ``compute()``'s, remembered (even ``None``)."""
        value = self.get(version, key, _MISSING)
        if value is _MISSING:
            value = compute()
            self.set(version, key, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._version = None


_MISSING = object()


# Keyed by content_version(): what the published page tree says (sites, routes, links).
tree_memo = VersionedMemo()
# Keyed by current_version(): anything any content write may change (snippet names...).
content_memo = VersionedMemo()


def connect_content_version_signals():
    from wagtail.models import Locale, Page, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    uid = "hub.content-version"
    page_published.connect(bump_content_version, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(bump_content_version, dispatch_uid=f"{uid}.unpublished")
    page_slug_changed.connect(bump_content_version, dispatch_uid=f"{uid}.slug")
    post_page_move.connect(bump_content_version, dispatch_uid=f"{uid}.moved")
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid=f"{uid}.deleted")
    post_save.connect(bump_content_version, sender=Site, dispatch_uid=f"{uid}.site")
    post_delete.connect(bump_content_version, sender=Site, dispatch_uid=f"{uid}.site-deleted")
    post_save.connect(bump_content_version, sender=Locale, dispatch_uid=f"{uid}.locale")
    post_delete.connect(bump_content_version, sender=Locale, dispatch_uid=f"{uid}.locale-deleted")


# --- Page cache for anonymous readers --------------------------------------------------

VERSION_KEY = "page-cache:version"
# Content models live in these apps; a write to any of them may change a page.
WATCHED_APPS = {
    "hub",
    "projects",
    "knowledge",
    "induction",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtail_localize",
    "wagtailsearchpromotions",
    "taggit",
}
# Written while pages are read, or never shown on a page.
IGNORED_MODELS = {
    "wagtailimages.rendition",
    "wagtailcore.pagesubscription",
    "wagtailsearchpromotions.querydailyhits",
}
MAX_BYTES = 1024 * 1024
NEVER_CACHE = {"private", "no-cache", "no-store"}


def current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_version() -> None:
    """Forget every cached page (they are keyed by the version)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _content_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in WATCHED_APPS:
        return
    if meta.label_lower in IGNORED_MODELS:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # signing in touches the user row; nothing on a page changes
    bump_version()


def connect_signals():
    connect_content_version_signals()
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"hub.page-cache.{id(signal)}")


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
