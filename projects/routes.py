"""Addresses of the registry's own pages: routes of the registry page (``ProjectIndexPage``).

"My projects", registering, saved searches, join requests and a project's dashboard are page
routes (``@path``) of the registry page, so their address follows the registry of the language:
``/en/projects/mine/``, or under a translated registry's own slug. :func:`registry_url` is the
one way to build them (templates: ``{% registry_url 'mine' %}`` from ``projects_tags``).

The registry pages are looked up once per content version and per process (one query), like
the other routes in :data:`hub.cache.tree_memo`. This module never imports the models: the
views build their links here, and :mod:`projects.page_urls` gives them to the registry page.
"""

from __future__ import annotations

import functools

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, translate_url
from django.utils.translation import get_language, override
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from hub.cache import content_version, tree_memo
from hub.routing import page_url


class NoRegistry(NoReverseMatch):
    """There is no live registry page to build the address on."""


def registry_pages() -> dict:
    """``{language code: live registry page}``, remembered until content changes.

    The pages are shared by every request of this process: read them, never change them.
    """
    return tree_memo.get_or_set(content_version(), ("registry-pages",), _load_registry_pages)


def _load_registry_pages():
    model = apps.get_model("projects", "ProjectIndexPage")
    pages = model.objects.live().select_related("locale").order_by("-pk")
    return {page.locale.language_code: page for page in pages}


def registry_for(language, pages=None):
    """The registry page of ``language``, else the default language's, else any (or None)."""
    pages = registry_pages() if pages is None else pages
    return (
        pages.get(language)
        or pages.get(get_supported_content_language_variant(settings.LANGUAGE_CODE))
        or next(iter(pages.values()), None)
    )


def route_url(page, name, *args, request=None):
    """The address of the route ``name`` of ``page`` (a routable page) with ``args``."""
    return page_url(page, request) + page.reverse_subpage(name, args=args)


def registry_url(name, *args, language=None, request=None):
    """The address of the registry's route ``name`` in ``language`` (default: the active one).

    A language without a registry page of its own uses the default language's page, under
    its own language prefix where that language has no home page of its own (Wagtail then
    serves the default tree there, as it always has). Raises ``NoReverseMatch`` when there is
    no registry at all, or ``name`` and ``args`` match no route.
    """
    language = language or get_language()
    page = registry_for(language)
    if page is None:
        raise NoRegistry(f"No live registry page for the route {name!r}.")
    suffix = page.reverse_subpage(name, args=args)
    base = page_url(page, request)
    if base is None:  # not under any site
        raise NoRegistry(f"The registry page is not on a site, for the route {name!r}.")
    own = page.locale.language_code
    if own != language and language not in _home_languages():
        with override(own):  # the address is read in its own language, then translated
            base = translate_url(base, language)
    return base + suffix


def _home_languages():
    """Languages that have a home page of their own (Wagtail's cached site root paths)."""
    return {root.language_code for root in Site.get_site_root_paths()}


@functools.cache
def route_slugs(model) -> frozenset[str]:
    """The first path segment of each of ``model``'s routes: a child page with that slug
    would be hidden behind the route (routes are matched before child pages)."""
    slugs = set()
    for route in model.get_subpage_urls():
        first = str(route.pattern).lstrip("^/").split("/", 1)[0]
        if first and "<" not in first:
            slugs.add(first)
    return frozenset(slugs)


#: The registry's routes crawlers may visit: the feed. The others are people's own pages,
#: working pages and exports (endless combinations of filters, each a whole download).
CRAWLABLE_ROUTES = frozenset({"feed"})


def crawler_private_paths():
    """``robots.txt`` paths of the registry's other routes under every registry page (its own
    slug where translated), for every language prefix: ``/*/projekte/mine/``."""
    slugs = sorted(route_slugs(apps.get_model("projects", "ProjectIndexPage")) - CRAWLABLE_ROUTES)
    languages = {code for code, _name in settings.LANGUAGES}
    paths = []
    for page in registry_pages().values():
        parts = page.get_url_parts()
        if parts is None:  # not under any site
            continue
        segments = parts[2].strip("/").split("/")
        if segments and segments[0] in languages:
            segments[0] = "*"
        base = "/" + "/".join(segments) + "/"
        paths.extend(f"{base}{slug}/" for slug in slugs)
    return sorted(set(paths))
