"""Keeping the registry current: when a project counts as "possibly stale".

A lead confirms at least once a term that their project is still current. A project whose
last confirmation (or, if never confirmed, first publication) is older than
:data:`STALE_AFTER` is flagged in the listing and sorted after fresh ones. Completed projects
are finished work kept as memory, so they are never stale.
"""

import datetime

from django.utils import timezone

STALE_AFTER = datetime.timedelta(days=183)  # six months
NEVER_STALE_STATUSES = frozenset({"completed"})


def reference_time(status, last_confirmed_at, first_published_at):
    """The moment a project's staleness is measured from, or ``None`` if it can't go stale."""
    if status in NEVER_STALE_STATUSES:
        return None
    return last_confirmed_at or first_published_at


def stale_cutoff(now=None):
    return (now or timezone.now()) - STALE_AFTER


def is_possibly_stale(status, last_confirmed_at, first_published_at, now=None):
    reference = reference_time(status, last_confirmed_at, first_published_at)
    return reference is not None and reference < stale_cutoff(now)
