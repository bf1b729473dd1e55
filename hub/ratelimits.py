"""Fixed-window rate counters kept in the database.

Every counter that protects something lives in the database, never in a cache: sign-in
failures (django-axes' database handler, ``hub.security``), password-reset requests
(``hub.models.PasswordResetRequest``), join requests (counted from ``JoinRequest`` rows) and,
through this module, the "Was this helpful?" limits. A cache may evict any key when memory is
short, and anonymous readers can fill the page cache at will (every query string is a page),
so a counter kept beside cached pages could be pushed out, and its limit reset, on purpose.
The database forgets nothing it is not told to, whichever cache (or none) is configured.

:func:`hit` is atomic: the increment is one ``UPDATE … SET count = count + 1`` and the count
read back in the same transaction, so simultaneous attempts are each counted once; the first
attempt of a window creates the row, and a second one racing it retries as an increment.
Expired rows are deleted whenever a new window starts.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from hub.models import RateCounter


def hit(key: str, window: int) -> int:
    """Count one attempt for ``key`` in a window of ``window`` seconds; the count so far."""
    now = timezone.now()
    with transaction.atomic():
        if _increment(key, now):
            return _count(key)
        RateCounter.objects.filter(expires_at__lte=now).delete()  # this key's old window too
        try:
            with transaction.atomic():
                RateCounter.objects.create(
                    key=key, count=1, expires_at=now + datetime.timedelta(seconds=window)
                )
            return 1
        except IntegrityError:  # another attempt started the window meanwhile
            _increment(key, now)
            return _count(key)


def count(key: str) -> int:
    """Attempts counted for ``key`` in its current window (0 when none, or expired)."""
    counts = RateCounter.objects.filter(key=key, expires_at__gt=timezone.now())
    return counts.values_list("count", flat=True).first() or 0


def _increment(key, now) -> bool:
    return bool(
        RateCounter.objects.filter(key=key, expires_at__gt=now).update(count=F("count") + 1)
    )


def _count(key) -> int:
    return RateCounter.objects.values_list("count", flat=True).get(key=key)
