"""A parsed query (:mod:`search.syntax`) as an SQLite FTS5 ``MATCH`` expression, on an index of
stems (:mod:`search.stemming`). Every word is a quoted FTS5 string of letters and digits, so
only the operators written here (``AND``, ``OR``, ``NOT``, parentheses) reach FTS5.

Plain Python (no database), so it is tested on every database.
"""

from search import stemming, syntax
from search.languages import ALL


def _quoted(tokens):
    """An FTS5 string (a phrase when several tokens): tokens are letters and digits only, and
    a double quote would be doubled, so the string is never read as an operator."""
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def _either(parts):
    parts = list(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _fts_item(item, language):
    if isinstance(item, syntax.Term):
        return _either(_quoted([form]) for form in stemming.forms(item.word, language))
    if isinstance(item, syntax.Phrase):
        languages = stemming.ANALYSED_LANGUAGES if language == ALL else (language,)
        return _either(
            _quoted([stemming.stem(word, code) for word in item.words]) for code in languages
        )
    return _either(_fts_item(option, language) for option in item.options)


def fts_match(query, language, operator="and"):
    """The FTS5 expression for a parsed :class:`search.syntax.Query` (``None``: match nothing).

    ``operator="or"`` accepts any of the required items instead of all of them."""
    if not query:
        return None
    joiner = " AND " if operator == "and" else " OR "
    match = "(" + joiner.join(_fts_item(item, language) for item in query.required) + ")"
    if query.excluded:  # FTS5's NOT is binary: "a NOT b"
        excluded = " OR ".join(_fts_item(item, language) for item in query.excluded)
        match += f" NOT ({excluded})"
    return match


def prefix_match(words, operator="and"):
    """The FTS5 expression for autocompletion on the unstemmed column: each word a quoted
    string, the last one a prefix (``"libr"*``); ``None`` when there is no word."""
    if not words:
        return None
    parts = [_quoted([word]) for word in words]
    parts[-1] += "*"
    return "(" + (" AND " if operator == "and" else " OR ").join(parts) + ")"
