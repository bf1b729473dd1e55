"""The site search page and the JSON suggestions behind the header's search box."""

from django.contrib.contenttypes.models import ContentType
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_safe
from wagtail.models import Page

from hub.i18n import active_locale
from search import service
from search.site import SiteSearch

SUGGESTION_LIMIT = 8
SUGGEST_MAX_AGE = 60


@require_safe
def search(request):
    """Site-wide search across every published page in the reader's language."""
    result = SiteSearch.from_request(request).run()
    response = render(
        request, "search/search.html", {"search": result, "search_query": result.query}
    )
    if result.query:
        # Every search is counted for the editors' report, and a fallback notice must go when
        # the engine is back: results pages are not kept by the anonymous page cache.
        patch_cache_control(response, private=True, max_age=0)
    return response


@require_safe
def suggest(request):
    """Autocomplete: up to eight pages whose titles (or summaries) start with the typed words.

    ``{"query", "results": [{"title", "url", "type"}], "message", "degraded"}``. ``message``
    is the translated sentence a screen reader hears.
    """
    query = service.clean_query(request.GET.get("q", ""), max_length=100)
    results, degraded = [], False
    if len(query) >= 2:
        queryset = Page.objects.live().public().filter(locale=active_locale(), depth__gt=1)
        found = service.autocomplete(queryset, query, limit=SUGGESTION_LIMIT)
        degraded = found.degraded
        for page in found.objects:
            url = page.get_url(request)
            if url is None:  # not reachable on any site
                continue
            model = ContentType.objects.get_for_id(page.content_type_id).model_class()
            results.append(
                {
                    "title": page.title,
                    "url": url,
                    "type": str(capfirst(model._meta.verbose_name)) if model else "",
                }
            )
    count = len(results)
    if count:
        message = ngettext(
            "%(count)d suggestion. Use the up and down arrow keys to choose it.",
            "%(count)d suggestions. Use the up and down arrow keys to choose one.",
            count,
        ) % {"count": count}
    else:
        message = gettext("No suggestions.") if query else ""
    response = JsonResponse(
        {"query": query, "results": results, "message": message, "degraded": degraded},
        json_dumps_params={"ensure_ascii": False},
    )
    patch_cache_control(response, public=True, max_age=0 if degraded else SUGGEST_MAX_AGE)
    return response
