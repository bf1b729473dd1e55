from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from search.service import clean_query, search_ids

PAGE_SIZE = 20


def search(request):
    """Site-wide search across every published page in the reader's language."""
    query = clean_query(request.GET.get("q", ""))
    results, degraded, paginator, page = [], False, None, None
    if query:
        try:
            locale = Locale.objects.get_for_language(get_language())
        except Locale.DoesNotExist:
            locale = Locale.get_default()
        outcome = search_ids(Page.objects.live().public().filter(locale=locale), query)
        degraded = outcome.degraded
        paginator = Paginator(outcome.ids, PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        pages = Page.objects.filter(pk__in=list(page.object_list)).specific().defer_streamfields()
        by_pk = {p.pk: p for p in pages}
        results = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "paginator": paginator,
            "page_obj": page,
            "degraded": degraded,
            "page_range": paginator.get_elided_page_range(page.number) if page else [],
        },
    )
