"""Serving pages: Wagtail's routing through public APIs, remembered per worker, and Django's
CSRF check decided per routed view.

:func:`serve` takes the place of ``wagtail.views.serve`` in ``hub/urls.py`` (same name; its
pattern is Wagtail's plus ":", :data:`SERVE_PATTERN`) and does what it does with public parts
only: route the address, run the ``before_serve_page`` and ``on_serve_page`` hooks, call
``page.serve()``.

*Routing.* Wagtail answers "which site is this?" and "which page lives at this address?" with
queries on every request (the site, the locale, then two per level of the URL). None of that
changes between publishes, so each worker remembers the site for a host and the page for an
address in :data:`hub.cache.tree_memo`, keyed by the site-wide content version (a publish,
unpublish, move, slug change, delete or site edit moves it on and every worker forgets). A
remembered route is only a hint: the page is loaded again by primary key (one query, its
specific model) and used only while it is still live at the same URL path; its own public
``route()`` resolves the rest of the address, so routable pages' sub-pages work as before.
Anything else goes through Wagtail's ``Page.route_for_request``. Misses (404s) are never
remembered; the table is bounded. Page addresses are built with the remembered site as well
(:func:`page_url`): Wagtail's ``get_url(request)`` would look the site up again on every
request. Query counts per page: README, "What makes pages fast".

*CSRF.* Wagtail's one front-end URL hides a routable page's sub-views from Django's
``CsrfViewMiddleware``, so :func:`serve` is ``csrf_exempt`` and applies Django's own
``csrf_protect`` to every request except an unsafe one routed to a view that is itself
``csrf_exempt`` (the guidance pages' "Was this helpful?" form, which checks the browser's
origin headers instead, :func:`hub.security.same_origin`).
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from wagtail import hooks
from wagtail.models import Page, Site

from hub.cache import content_version, tree_memo

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# Wagtail's ``serve_pattern`` (segments of word characters and hyphens, each ending in a slash)
# with ":" allowed too: routes take signed tokens (``django.core.signing``), as in the links
# of the registry's alert e-mails. No page slug contains one, so pages route as before.
SERVE_PATTERN = r"^((?:[\w\-:]+/)*)$"


def find_site(request) -> Site | None:
    """Wagtail's ``Site.find_for_request``, remembered per host until content changes."""
    try:
        key = ("site", request.get_host(), request.get_port())
    except Exception:  # noqa: BLE001 (DisallowedHost: let Wagtail decide, as it would)
        return Site.find_for_request(request)
    return tree_memo.get_or_set(content_version(), key, lambda: _site_with_root(request))


def page_url(page, request=None) -> str | None:
    """``page.get_url(request)`` with the request's site from :func:`find_site`: Wagtail would
    otherwise query for the site on the first page address of every request. Wagtail's public
    ``relative_url`` is ``get_url`` for a site already known."""
    site = find_site(request) if request is not None else None
    if site is None:
        return page.get_url(request)
    return page.relative_url(site, request)


def _site_with_root(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page  # noqa: B018 (load it now, once, rather than on every request)
    return site


def _route_from_memo(request, path_components, hint):
    model, pk, url_path, consumed = hint
    page = model._default_manager.filter(pk=pk).first()
    if page is None or not page.live or page.url_path != url_path:
        return None
    try:
        return page.route(request, path_components[consumed:])
    except Http404:
        return None


def route(request, path: str):
    """``(page, args, kwargs)`` for ``path`` on the request's site, or ``None``."""
    site = find_site(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    version = content_version()
    base = ("route", site.pk, get_language())
    hint = tree_memo.get(version, (*base, tuple(components)))
    hint = hint or _routable_page_above(version, base, components)
    result = _route_from_memo(request, components, hint) if hint else None
    if result is None:
        result = Page.route_for_request(request, path)
        if result is not None:
            page = result[0]
            consumed = page.depth - site.root_page.depth
            if 0 <= consumed <= len(components):
                hint = (type(page), page.pk, page.url_path, consumed)
                tree_memo.set(version, (*base, tuple(components)), hint)
                if consumed < len(components):  # a sub-route: the page serves its others too
                    tree_memo.set(version, (*base, "page", tuple(components[:consumed])), hint)
    return result


def _routable_page_above(version, base, components):
    """The remembered page of a sub-route found earlier above ``components`` (a routable
    page's other addresses, ``/en/projects/manage/<id>/`` for every id), or ``None``."""
    for size in range(len(components) - 1, 0, -1):
        hint = tree_memo.get(version, (*base, "page", tuple(components[:size])))
        if hint:
            return hint
    return None


def _serve_routed(request, page, args, kwargs):
    """What ``wagtail.views.serve`` does once it has the route, through Wagtail's hooks."""

    def serve_chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    chain = serve_chain
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


_protected = csrf_protect(_serve_routed)


@csrf_exempt  # checked below, per routed view
def serve(request, path):
    """Serve the page at ``path``: CSRF-protected unless the routed view is ``csrf_exempt``."""
    result = route(request, path)
    if result is None:
        raise Http404
    page, args, kwargs = result
    if request.method not in SAFE_METHODS and _is_exempt(args):
        return _serve_routed(request, page, args, kwargs)
    return _protected(request, page, args, kwargs)


def _is_exempt(args) -> bool:
    view = args[0] if args else None  # RoutablePageMixin routes to (view, args, kwargs)
    return callable(view) and bool(getattr(view, "csrf_exempt", False))
