"""Remember, per worker process, what the page tree says about a request.

Wagtail answers "which site is this?", "which locale is active?" and "which page lives at this
address?" with database queries on every request: one for the site, one per locale lookup and
two per level of the URL (the child by slug, then its specific row). None of that changes
between publishes, so each worker keeps the answers in a small in-memory table keyed by the
site-wide :func:`hub.cache.content_version`: a publish, unpublish, move, slug change, delete
or site edit bumps the version and every worker forgets everything at its next request.

A remembered route is only a hint. The page is loaded again by primary key (one query, its
specific model) and used only while it is still live at the same URL path; otherwise Wagtail
routes the request as usual. The page's own ``route()`` still runs for the rest of the path,
so routable pages resolve their sub-pages exactly as before. Misses (404s) are never
remembered, so random addresses cannot grow the table, which is bounded anyway.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from hub.cache import content_version, tree_memo
from hub.security import same_origin


def find_site(request) -> Site | None:
    """``Site.find_for_request`` without a query once this worker has seen the host."""
    if not hasattr(request, "_wagtail_site"):
        key = ("site", request.get_host(), request.get_port())
        request._wagtail_site = tree_memo.get_or_set(
            content_version(), key, lambda: _site_with_root(request)
        )
    return request._wagtail_site


def _site_with_root(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 (load it now, once, rather than on every request)
    return site


def active_locale() -> Locale | None:
    """The active language's Locale (``Locale.get_active()`` without a query per call)."""
    return tree_memo.get_or_set(content_version(), ("locale", get_language()), _get_active)


def _get_active():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def default_locale() -> Locale:
    """``Locale.get_default()`` without a query per call."""
    return tree_memo.get_or_set(content_version(), ("default-locale",), Locale.get_default)


def _route_from_memo(request, site, path_components, hint):
    model, pk, url_path, consumed = hint
    page = model._default_manager.filter(pk=pk).first()
    if page is None or not page.live or page.url_path != url_path:
        return None
    try:
        return page.route(request, path_components[consumed:])
    except Http404:
        return None


def route(request, site, path: str):
    """Wagtail's ``Page.route_for_request`` with the page's address remembered."""
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    components = [component for component in path.split("/") if component]
    version = content_version()
    key = ("route", site.pk, get_language(), tuple(components))
    hint = tree_memo.get(version, key)
    result = _route_from_memo(request, site, components, hint) if hint else None
    if result is None:
        result = Page.route_for_request(request, path)
        if result is not None:
            page = result[0]
            consumed = page.depth - site.root_page.depth
            if 0 <= consumed <= len(components):
                tree_memo.set(version, key, (type(page), page.pk, page.url_path, consumed))
    request._wagtail_route_for_request = result
    return result


class PageRouteMemoMiddleware:
    """Answer Wagtail's site and route look-ups from :data:`tree_memo` for page requests."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        site = find_site(request)
        if site is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        if request.method in ("GET", "HEAD"):
            route(request, site, path)
        elif request.method == "POST":
            # Runs before CsrfViewMiddleware: a page view marked ``origin_checked`` takes
            # same-origin POSTs without a token; anything else meets the usual CSRF check.
            result = Page.route_for_request(request, path)
            if result is not None and _origin_checked(result) and same_origin(request):
                request._dont_enforce_csrf_checks = True
        return None


def _origin_checked(result) -> bool:
    _page, args, _kwargs = result
    view = args[0] if args else None
    return bool(getattr(view, "csrf_origin_checked", False))
