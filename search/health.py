"""Whether the search engine is worth asking right now (a small circuit breaker).

When the engine fails with an outage (refused connection, timeout, overloaded cluster), every
process stops asking it for ``SEARCH_ENGINE_RETRY_AFTER`` seconds (default 30): searches go
straight to the database and index writes go straight to the catch-up queue, so a dead engine
costs one timeout per process and period, not one per request. Errors that say nothing about
the engine's health (a malformed request, a missing document) never open the breaker.
"""

import threading
import time

from django.conf import settings

DEFAULT_RETRY_AFTER = 30.0

_lock = threading.Lock()
_down_until = {}
_noticed = set()


def retry_after():
    return float(getattr(settings, "SEARCH_ENGINE_RETRY_AFTER", DEFAULT_RETRY_AFTER))


def _outage_types():
    types = []
    try:
        from opensearchpy import exceptions as os_exc

        types += [os_exc.ConnectionError, os_exc.ConnectionTimeout]
    except ImportError:  # pragma: no cover - both clients are dependencies
        pass
    try:
        import elastic_transport

        types += [elastic_transport.ConnectionError, elastic_transport.ConnectionTimeout]
    except ImportError:  # pragma: no cover
        pass
    return tuple(types)


OUTAGE_TYPES = _outage_types()
OUTAGE_STATUSES = {429, 502, 503, 504}


def is_outage(exc):
    """Whether ``exc`` means the engine as a whole is unreachable or overloaded."""
    if isinstance(exc, OUTAGE_TYPES):
        return True
    status = getattr(exc, "status_code", None)
    if status is None:
        status = getattr(getattr(exc, "meta", None), "status", None)
    return status in OUTAGE_STATUSES


def is_down(key):
    until = _down_until.get(key)
    return until is not None and until > time.monotonic()


def _forget_notices(key):
    for noticed in [n for n in _noticed if n[0] == key]:
        _noticed.discard(noticed)


def mark_down(key):
    with _lock:
        _down_until[key] = time.monotonic() + retry_after()
        _forget_notices(key)


def mark_up(key):
    with _lock:
        _down_until.pop(key, None)
        _forget_notices(key)


def first_notice(key, topic="search"):
    """True once per outage period and topic ("search", "write"): warn in the log once, not on
    every request."""
    with _lock:
        if (key, topic) in _noticed:
            return False
        _noticed.add((key, topic))
        return True


def reset():
    """Forget every engine's state (tests, and after a successful catch-up)."""
    with _lock:
        _down_until.clear()
        _noticed.clear()
