"""“Did you mean …?” from the words of published page titles in the reader's language.

The vocabulary (the most frequent title words of live, public pages in one locale) is built on
first use and kept per process until a page is published, unpublished or deleted anywhere (a
version token in the shared cache tells every process). Corrections come from :mod:`difflib`,
comparing each unknown word only with known words of similar length.
"""

import difflib
import re
from collections import Counter

from hub.memo import VersionedMemo, VersionToken

VERSION_KEY = "search:titles-version"
MAX_WORDS = 50000
MIN_LENGTH = 3
CUTOFF = 0.75
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_version = VersionToken(VERSION_KEY)
current_version = _version.current
_vocabularies = VersionedMemo(max_entries=64)  # one per locale


def bump_version(**_kwargs):
    """Invalidate every locale's vocabulary (signal receiver)."""
    _version.move()


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
    return _vocabularies.get_or_build(current_version(), locale_id, lambda: build(locale_id))


def suggest(query, locale_id):
    """A corrected query, or ``""`` when every word is known (or nothing is close)."""
    words = _WORD_RE.findall((query or "").casefold())[:12]
    if not words:
        return ""
    vocab = vocabulary(locale_id)
    corrected = [vocab.correct(word) for word in words]
    return " ".join(corrected) if corrected != words else ""
