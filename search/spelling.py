"""“Did you mean …?” from the words of published page titles in the reader's language.

The vocabulary (the most frequent title words of live, public pages in one locale) is built on
first use and kept per process until a page is published, unpublished or deleted anywhere (a
version token in the shared cache tells every process). Corrections come from :mod:`difflib`,
comparing each unknown word only with known words of similar length.
"""

import difflib
import re
import threading
import uuid
from collections import Counter

from django.core.cache import cache

VERSION_KEY = "search:titles-version"
MAX_WORDS = 50000
MIN_LENGTH = 3
CUTOFF = 0.75
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_memo = {}
_lock = threading.Lock()


def current_version():
    """A random token, not a counter: after a cache flush no process can mistake an old
    vocabulary for the current one."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_version(**kwargs):
    """Invalidate every locale's vocabulary (signal receiver)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def bump_on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_version()


class Vocabulary:
    def __init__(self, counts):
        self.words = set(counts)
        self.by_length = {}
        for word, _count in counts.most_common():
            self.by_length.setdefault(len(word), []).append(word)

    def correct(self, word):
        if word in self.words or len(word) < MIN_LENGTH or word.isdigit():
            return word
        candidates = []
        for length in range(len(word) - 2, len(word) + 3):
            candidates.extend(self.by_length.get(length, ()))
        found = difflib.get_close_matches(word, candidates, n=1, cutoff=CUTOFF)
        return found[0] if found else word


def build(locale_id):
    from wagtail.models import Page

    counts = Counter()
    titles = (
        Page.objects.live()
        .public()
        .filter(locale_id=locale_id, depth__gt=1)
        .values_list("title", flat=True)
    )
    for title in titles.iterator(chunk_size=2000):
        counts.update(w for w in _WORD_RE.findall(title.casefold()) if len(w) >= MIN_LENGTH)
    return Vocabulary(Counter(dict(counts.most_common(MAX_WORDS))))


def vocabulary(locale_id):
    key = (locale_id, current_version())
    vocab = _memo.get(key)
    if vocab is None:
        with _lock:
            vocab = _memo.get(key)
            if vocab is None:
                vocab = build(locale_id)
                for stale in [k for k in _memo if k[0] == locale_id]:
                    del _memo[stale]
                _memo[key] = vocab
    return vocab


def suggest(query, locale_id):
    """A corrected query, or ``""`` when every word is known (or nothing is close)."""
    words = _WORD_RE.findall((query or "").casefold())[:12]
    if not words:
        return ""
    vocab = vocabulary(locale_id)
    corrected = [vocab.correct(word) for word in words]
    return " ".join(corrected) if corrected != words else ""
