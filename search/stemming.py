"""Word analysis for the SQLite backend: Snowball stems, then accents folded.

SQLite's full-text search has no language analysis of its own, so the backend
(:mod:`search.database_sqlite`) indexes each page's text as the stems of its language
(:func:`analyse`) and looks each query word up by its stem in the query's language
(:func:`forms`). Stemmers come from ``snowballstemmer``; Slovenian has none there and gets
lowercasing and folding only. Folding (NFKD, combining marks dropped, and the few letters that
do not decompose such as "ł") runs after stemming for every language, so "wspolpraca" finds
"Współpraca" and an accent never blocks a match.
"""

import functools
import threading
import unicodedata

import snowballstemmer

from search.languages import ALL
from search.syntax import WORD_RE

SNOWBALL_LANGUAGES = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "nl": "dutch",
    "pl": "polish",
}
ANALYSED_LANGUAGES = (*SNOWBALL_LANGUAGES, "sl")
STEM_CACHE_SIZE = 200_000  # (word, language) pairs

# Letters NFKD leaves whole; "ß" is the German stemmer's business, and stays "ss" here.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)
_local = threading.local()  # Snowball stemmers keep state: one set per thread


def fold(word):
    """``word`` lowercased, without accents: ``"Współpraca"`` → ``"wspolpraca"``."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _stemmer(language):
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        algorithm = SNOWBALL_LANGUAGES.get(language)
        stemmers[language] = snowballstemmer.stemmer(algorithm) if algorithm else None
    return stemmers[language]


def stem(word, language):
    """The one indexed form of ``word`` in ``language`` (a base language code)."""
    return _stem_lowered(word.lower(), language)


@functools.lru_cache(maxsize=STEM_CACHE_SIZE)
def _stem_lowered(word, language):
    # Pages repeat their words: remembering recent stems makes indexing several times faster.
    stemmer = _stemmer(language)
    return fold(stemmer.stemWord(word) if stemmer else word)


def forms(word, language):
    """The indexed forms a query word is looked up by: its stem in ``language``, or for
    ``ALL`` its stem in every language (distinct, in a stable order)."""
    if language != ALL:
        return (stem(word, language),)
    return tuple(dict.fromkeys(stem(word, code) for code in ANALYSED_LANGUAGES))


def analyse(text, language):
    """``text`` as the space-separated stems of its words, for the index."""
    return " ".join(_stem_lowered(word.lower(), language) for word in WORD_RE.findall(text or ""))


def roots(words, language):
    """The stems of ``words`` as written (not folded), at least four letters long and not the
    word itself: prefixes that mark a word's other forms in an excerpt ("surveys" → "survey")."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return []
    found = (stemmer.stemWord(word.lower()) for word in words)
    return [
        root
        for root, word in zip(found, words, strict=True)
        if len(root) >= 4 and root != word.lower()
    ]
