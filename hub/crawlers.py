"""What the hub tells search-engine crawlers: ``/robots.txt``.

Public pages may be crawled in every language. Personal and working pages (accounts, a
project's management pages, join requests, registration), the admin, site-search result
pages and the registry's exports (endless combinations, each a whole download) and officers'
private calendar feeds are not. The sitemap (``hub.sitemap``) is named with the scheme and
host the crawler used.

Apps whose private pages live under pages with translated slugs (the registry's ``mine/``
under ``/de/projekte/``) name them with :func:`hide_from_crawlers`; the answer follows the
content version, so a renamed page is covered at once.
"""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

PRIVATE_PATHS = [
    "/admin/",
    "/calendar/officer/",
    "/*/accounts/",
    "/*/account/",
    "/*/search/",
]

_sources = []  # callables returning more private paths (hide_from_crawlers)


def hide_from_crawlers(source):
    """Keep crawlers out of the paths ``source()`` returns (robots.txt patterns, read on each
    request for ``/robots.txt``: it should answer from memory, not from the database)."""
    _sources.append(source)


def private_paths():
    """Every path crawlers are asked not to visit, in order, each once."""
    paths = list(PRIVATE_PATHS)
    for source in _sources:
        paths.extend(source())
    return list(dict.fromkeys(paths))


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in private_paths()]
    lines.append("Allow: /")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
