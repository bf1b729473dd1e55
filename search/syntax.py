"""The search syntax readers expect, parsed once for every backend.

``"quoted phrase"`` matches the words in that order, ``OR`` (upper case, between two terms)
accepts either, and a leading ``-word`` excludes pages holding the word. Everything else is
plain words, all required: an unbalanced quote, a lone ``-``, ``OR OR``, ``-"x"`` or any
punctuation (``NEAR(``, ``*``, ``^``, ``:``) only ever separates words, so no input can reach a
backend as an operator of its own query language.

:func:`parse` turns a cleaned query (:func:`search.service.clean_query`) into a
:class:`Query`: a tuple of required items (a :class:`Term`, a :class:`Phrase` or an
:class:`AnyOf` of them) and a tuple of excluded ones. Each backend translates that tree
(:mod:`search.database_sqlite`, :mod:`search.database`).
"""

import re
from dataclasses import dataclass

MAX_TERMS = 12  # words read from one query, over all its items (by default)
OR = "OR"

# A word: letters and digits (the underscore is punctuation here, as in every tokenizer).
WORD_RE = re.compile(r"[^\W_]+")
# A quoted phrase, or a run of anything but spaces and quotes, or a stray quote.
_TOKEN_RE = re.compile(r'"([^"]*)"|([^\s"]+)|"')


@dataclass(frozen=True)
class Term:
    word: str


@dataclass(frozen=True)
class Phrase:
    words: tuple


@dataclass(frozen=True)
class AnyOf:
    """Any one of ``options`` (terms and phrases joined by ``OR``)."""

    options: tuple


@dataclass(frozen=True)
class Query:
    required: tuple = ()
    excluded: tuple = ()

    def __bool__(self):
        """A query finds something only with a required item (exclusions alone find nothing)."""
        return bool(self.required)

    def words(self):
        """The required items' words, in order, as plain text (for spelling and highlights)."""
        return " ".join(word for item in self.required for word in item_words(item))


def item_words(item):
    if isinstance(item, Term):
        return [item.word]
    if isinstance(item, Phrase):
        return list(item.words)
    return [word for option in item.options for word in item_words(option)]


def _item(words):
    """A term, a phrase, or nothing, for the words of one token."""
    words = tuple(words)
    if not words:
        return None
    return Term(words[0]) if len(words) == 1 else Phrase(words)


def _tokens(text):
    """``(kind, item)`` pairs: ``("or", None)``, ``("not", item)`` or ``("item", item)``."""
    for match in _TOKEN_RE.finditer(text):
        phrase, chunk = match.group(1), match.group(2)
        if phrase is not None:
            item = _item(WORD_RE.findall(phrase))
            if item is not None:
                yield "item", item
            continue
        if chunk is None:  # a stray quote
            continue
        if chunk == OR:
            yield "or", None
            continue
        words = WORD_RE.findall(chunk)
        if chunk.startswith("-") and len(chunk) > 1 and WORD_RE.match(chunk, 1):
            # ``-word`` (also ``-e-mail``: the whole chunk is excluded, as a phrase).
            yield "not", _item(words)
        else:
            # Any other chunk is plain words, each required on its own.
            for word in words:
                yield "item", Term(word)


def parse(text, max_terms=MAX_TERMS):
    """The :class:`Query` of a cleaned query string (never raises), reading at most
    ``max_terms`` words."""
    required, excluded = [], []
    pending_or = False
    budget = max_terms
    for kind, item in _tokens(text or ""):
        if kind == "or":
            # An operator only between two items; anywhere else, the plain word "OR".
            if required and not pending_or:
                pending_or = True
                continue
            kind, item = "item", Term(OR)
        if budget <= 0:
            break
        size = len(item_words(item))
        if size > budget:
            item = _item(item_words(item)[:budget])
            size = budget
        budget -= size
        if kind == "not":
            excluded.append(item)
            continue
        if pending_or:
            previous = required.pop()
            options = previous.options if isinstance(previous, AnyOf) else (previous,)
            required.append(AnyOf((*options, item)))
            pending_or = False
        else:
            required.append(item)
    if pending_or:  # a trailing OR is a word
        if budget > 0:
            required.append(Term(OR))
    return Query(tuple(required), tuple(excluded))
