"""What the hub tells search-engine crawlers: ``/robots.txt``.

Public pages may be crawled in every language. Personal and working pages (accounts, a
project's management pages, join requests, registration), the admin, site-search result
pages and the registry's exports (endless combinations, each a whole download) and officers'
private calendar feeds are not. The sitemap (``hub.sitemap``) is named with the scheme and
host the crawler used.
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
    "/*/projects/export/",
    "/*/projects/manage/",
    "/*/projects/mine/",
    "/*/projects/register/",
    "/*/projects/requests/",
    "/*/search/",
]


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in PRIVATE_PATHS]
    lines.append("Allow: /")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
