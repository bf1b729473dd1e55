"""E-mail alerts of saved searches: each search's new matching projects, once each.

A project is new for a saved search when its page (the one the reader's registry lists) was
first published after the search was saved and after the previous check (less an hour, so a
page published while a check ran is not missed), and its project (``translation_key``) has
never been sent for this search: republishing, or a translation published later, never sends
it again. Whether it matches is decided by the registry listing itself
(:func:`projects.saved_searches.registry_query`), newest first, exactly as the reader would
see the saved search.

``send_alerts`` is run by ``manage.py send_search_alerts`` and by the background task
``projects.tasks.send_search_alerts``.
"""

import datetime
import logging

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from hub.notifications import absolute_url, recipient_language
from projects.listing import PAGE_SIZE, SEARCH_LIMIT
from projects.models import ProjectPage, SavedSearch, SentAlert
from projects.routes import registry_for, registry_pages, registry_url
from projects.saved_searches import (
    registry_query,
    search_url,
    unsubscribe_token,
)
from projects.upkeep import is_possibly_stale

logger = logging.getLogger(__name__)

PERIODS = {
    SavedSearch.Frequency.DAILY: datetime.timedelta(days=1),
    SavedSearch.Frequency.WEEKLY: datetime.timedelta(days=7),
}
# A search is due a little before its period is over, so a daily cron job that starts a few
# minutes earlier than yesterday still sends.
SLACK = datetime.timedelta(hours=1)
OVERLAP = datetime.timedelta(hours=1)
MAX_PAGES = SEARCH_LIMIT // PAGE_SIZE  # the listing's pages looked through, at most
MAX_PROJECTS = 50  # listed in one digest (the rest follow in the next)


def since(search):
    """Projects first published after this moment are new for ``search``."""
    if search.checked_at is None:
        return search.created_at
    return max(search.created_at, search.checked_at - OVERLAP)


def new_projects(search, index_page):
    """The projects of the listing of ``search`` that are new for it, newest first."""
    cutoff = since(search)
    # The registry lists its own language's pages only (with ``lang=all`` too: the words are
    # then matched in every language, and the reader's version of each project is listed).
    # An alias (a project not yet translated, shown in its own language) has no publication
    # date of its own: the page it shows has.
    pages = (
        ProjectPage.objects.live()
        .public()
        .filter(locale_id=index_page.locale_id)
        .filter(
            Q(first_published_at__gt=cutoff)
            | Q(first_published_at__isnull=True, alias_of__first_published_at__gt=cutoff)
        )
    )
    sent = SentAlert.objects.filter(search=search).values("translation_key")
    rows = pages.exclude(translation_key__in=sent).values_list(
        "pk", "status", "last_confirmed_at", "first_published_at"
    )
    # Whether each may be listed after older projects (possibly stale ones and undated
    # aliases come last in the "newest" order).
    remaining = {
        pk: published is None or is_possibly_stale(status, confirmed, published)
        for pk, status, confirmed, published in rows
    }
    found = []
    for number in range(1, MAX_PAGES + 1):
        if not remaining or len(found) >= MAX_PROJECTS:
            break
        result = registry_query(index_page, search.query, page=number, sort="newest").run()
        if result.page.number != number:  # past the last page
            break
        passed_new = False
        for project in result.projects:
            if remaining.pop(project.pk, None) is not None:
                found.append(project)
            elif (
                project.first_published_at is not None
                and project.first_published_at <= cutoff
                and not project.is_possibly_stale
            ):
                passed_new = True
        # Newest first: once an older, current project is listed, only the new projects
        # that come last can still follow.
        if passed_new and not any(remaining.values()):
            break
        if not result.page.has_next():
            break
    return found[:MAX_PROJECTS]


def _send(search, projects, pages):
    user = search.owner
    with translation.override(recipient_language(user)):
        unsubscribe = absolute_url(registry_url("unsubscribe", unsubscribe_token(search)))
        context = {
            "recipient": user,
            "search": search,
            "projects": [(project, absolute_url(project.get_url() or "")) for project in projects],
            "count": len(projects),
            "search_link": absolute_url(search_url(search, pages)),
            "manage_link": absolute_url(registry_url("mine")) + "#saved-searches",
            "unsubscribe_link": unsubscribe,
            "language": translation.get_language(),
        }
        subject = render_to_string("projects/email/alert_digest_subject.txt", context)
        text = render_to_string("projects/email/alert_digest.txt", context)
        html = render_to_string("projects/email/alert_digest.html", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()),
        text,
        None,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()


def send_digest(search, pages, *, now, dry_run=False):
    """E-mail ``search``'s owner its new projects; the projects sent (or that would be)."""
    index_page = registry_for(search.language, pages)
    user = search.owner
    if index_page is None or not user.is_active or not user.email:
        return []
    previous = search.checked_at
    if not dry_run:
        # Claim the search: a second run started meanwhile (two cron jobs, a worker) finds
        # it checked already and sends nothing.
        claimed = SavedSearch.objects.filter(pk=search.pk, checked_at=previous).update(
            checked_at=now
        )
        if not claimed:
            return []
    with translation.override(search.language):
        projects = new_projects(search, index_page)
    if dry_run or not projects:
        return projects
    try:
        _send(search, projects, pages)
    except Exception:
        # Not sent: check these projects again next time.
        SavedSearch.objects.filter(pk=search.pk, checked_at=now).update(checked_at=previous)
        raise
    with transaction.atomic():
        SentAlert.objects.bulk_create(
            [SentAlert(search=search, translation_key=p.translation_key) for p in projects],
            ignore_conflicts=True,
        )
        SavedSearch.objects.filter(pk=search.pk).update(last_sent_at=now)
    return projects


def due(frequency=None, now=None):
    """The saved searches to check: all of ``frequency``, else those whose period is over."""
    searches = SavedSearch.objects.select_related("owner").filter(owner__is_active=True)
    if frequency:
        return searches.filter(frequency=frequency)
    now = now or timezone.now()
    chosen = None
    for name, period in PERIODS.items():
        clause = _due_clause(name, now - period + SLACK)
        chosen = clause if chosen is None else chosen | clause
    return searches.filter(chosen)


def _due_clause(frequency, before):
    return Q(frequency=frequency) & (Q(checked_at__isnull=True) | Q(checked_at__lte=before))


def send_alerts(frequency=None, *, dry_run=False, now=None, report=None):
    """Check every due saved search and e-mail the new projects; a summary dict.

    ``report(search, projects)`` is called for each search with new projects (the command
    prints them).
    """
    now = now or timezone.now()
    pages = registry_pages()
    summary = {"searches": 0, "emails": 0, "projects": 0}
    for search in due(frequency, now).order_by("pk").iterator(chunk_size=200):
        summary["searches"] += 1
        try:
            projects = send_digest(search, pages, now=now, dry_run=dry_run)
        except Exception:  # one failing search (mail server…) must not stop the others
            logger.exception("Saved search %s: the alert could not be sent", search.pk)
            continue
        if projects:
            summary["emails"] += 1
            summary["projects"] += len(projects)
            if report is not None:
                report(search, projects)
    return summary
