"""Per-process memos kept honest by a version in the shared cache.

A worker keeps answers that cost queries to compute (a site for a host, translated names, the
registry's facet index, the spelling vocabulary) in memory, in a :class:`VersionedMemo` read
with the current value of a :class:`VersionToken`. Whoever changes what the answers derive
from moves the token, and every process on every host sharing the cache forgets them on its
next read. :mod:`hub.cache` holds the site-wide content version; apps keep narrower ones
(the registry's, the title vocabulary's) with a token of their own.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict

from django.core.cache import cache


class VersionToken:
    """A version in the shared cache under ``key``: read by every process, moved by any.

    It starts at random, not at 1: if the key is evicted or the cache cleared, the new
    version can never equal one a worker's memo still holds answers for.
    """

    def __init__(self, key: str):
        self.key = key

    def current(self):
        version = cache.get(self.key)
        if version is None:
            cache.add(self.key, secrets.randbits(52), timeout=None)
            version = cache.get(self.key)
        return version

    def move(self) -> None:
        try:
            cache.incr(self.key)  # atomic on Redis (INCR); a lost race still moves the version
        except ValueError:  # evicted meanwhile: start afresh at random, as current() does
            cache.set(self.key, secrets.randbits(52), timeout=None)


class VersionedMemo:
    """A bounded, per-process LRU table emptied whenever the version it is read with changes.

    For answers that are cheap to hold in memory but cost queries to compute on every
    request (the site for a host, a page's address, translated taxonomy names). Each worker
    process has its own table; the version (read from the shared cache) keeps them honest.
    """

    def __init__(self, max_entries: int = 4096):
        self.max_entries = max_entries
        self._version = None
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()

    def get(self, version, key, default=None):
        if version is None:  # no shared cache to keep workers in step: remember nothing
            return default
        with self._lock:
            if version != self._version:
                self._data.clear()
                self._version = version
                return default
            try:
                value = self._data[key]
            except KeyError:
                return default
            self._data.move_to_end(key)
            return value

    def set(self, version, key, value) -> None:
        if version is None:
            return
        with self._lock:
            if version != self._version:
                self._data.clear()
                self._version = version
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def get_or_set(self, version, key, compute):
        """The remembered value for ``key``, else ``compute()``'s, remembered (even ``None``)."""
        value = self.get(version, key, _MISSING)
        if value is _MISSING:
            value = compute()
            self.set(version, key, value)
        return value

    def get_or_build(self, version, key, build):
        """Like :meth:`get_or_set` for answers that are costly to compute (a whole index):
        one thread builds while the others wanting a missing answer wait for it."""
        value = self.get(version, key, _MISSING)
        if value is _MISSING:
            with self._build_lock:
                value = self.get(version, key, _MISSING)
                if value is _MISSING:
                    value = build()
                    self.set(version, key, value)
        return value

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._version = None


_MISSING = object()
