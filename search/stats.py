"""Counting what readers search for, without personal data.

Each new search (the first page of results, before any filter) adds one to a daily counter per
normalised term and language, and to a second counter when nothing was found. No user, session,
IP address or time of day is stored, and e-mail addresses and long numbers (phone, student or
ID numbers) inside a query are masked before the term is stored.
"""

import logging
import re

from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import SearchTerm, SearchTermDay

logger = logging.getLogger(__name__)

MAX_TERM_LENGTH = 200
_EMAIL_RE = re.compile(r"\S+@\S+")
_NUMBER_RE = re.compile(r"\+?\d[\d\s./-]{4,}\d")


def normalise_term(query):
    text = " ".join(str(query or "").casefold().split())
    text = _EMAIL_RE.sub("[email]", text)
    text = _NUMBER_RE.sub("[number]", text)
    return text[:MAX_TERM_LENGTH].strip()


def record(query, language, result_count):
    """Count one search for ``query`` in ``language``; never raises."""
    term = normalise_term(query)
    if not term:
        return
    language = (language or "")[:12]
    today = timezone.localdate()
    counts = {
        "searches": F("searches") + 1,
        "no_results": F("no_results") + (0 if result_count else 1),
    }
    try:
        # Usually the term was searched today already: one UPDATE adds to its counter.
        if SearchTermDay.objects.filter(
            term__term=term, term__language=language, date=today
        ).update(**counts):
            return
        with transaction.atomic():
            search_term, _created = SearchTerm.objects.get_or_create(term=term, language=language)
            day, _created = SearchTermDay.objects.get_or_create(term=search_term, date=today)
            SearchTermDay.objects.filter(pk=day.pk).update(**counts)
    except DatabaseError:
        logger.warning("Could not count a search", exc_info=True)


def count_listing_search(request, listing, language):
    """Count a search made in a listing (the registry, guidance, the resource library).

    Only a new search is counted: a query on the first page, in the default order, with no
    filter chosen, as the site search counts. Such a response is kept out of the anonymous
    page cache, or repeated searches would be served without being counted.
    """
    if not listing.query or listing.active:
        return
    if request.GET.get("page", "1") not in ("", "1") or request.GET.get("sort"):
        return  # a later page or another order of a search already counted
    from hub.cache import keep_out_of_page_cache

    keep_out_of_page_cache(request)
    record(listing.query, language, listing.total)
