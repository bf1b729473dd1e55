"""The search syntax (search/syntax.py) and its FTS5 translation (search/database_sqlite.py)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.syntax import AnyOf, Phrase, Query, Term, parse


def test_plain_words_are_all_required():
    assert parse("peer mentors") == Query((Term("peer"), Term("mentors")))


def test_a_quoted_phrase_is_one_item():
    assert parse('"peer mentors" scheme') == Query((Phrase(("peer", "mentors")), Term("scheme")))
    assert parse('"mentors"') == Query((Term("mentors"),))


def test_or_joins_the_items_either_side():
    assert parse("wellbeing OR accessibility") == Query(
        (AnyOf((Term("wellbeing"), Term("accessibility"))),)
    )
    assert parse('a OR "b c" OR d e') == Query(
        (AnyOf((Term("a"), Phrase(("b", "c")), Term("d"))), Term("e"))
    )
    # Lower-case "or" is a word.
    assert parse("wellbeing or accessibility") == Query(
        (Term("wellbeing"), Term("or"), Term("accessibility"))
    )


def test_a_leading_minus_excludes():
    assert parse("mentors -peer") == Query((Term("mentors"),), (Term("peer"),))
    assert parse("mentors -e-mail") == Query((Term("mentors"),), (Phrase(("e", "mail")),))
    assert not parse("-peer")  # exclusions only: nothing to find


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"peer mentors', (Term("peer"), Term("mentors"))),  # unbalanced quote
        ("peer - mentors", (Term("peer"), Term("mentors"))),  # lone minus
        ("OR OR", (Term("OR"), Term("OR"))),
        ("mentors OR", (Term("mentors"), Term("OR"))),
        ('-"peer"', (Term("peer"),)),
        ("NEAR(peer mentors)", (Term("NEAR"), Term("peer"), Term("mentors"))),
        ("peer* ^mentors title:x", (Term("peer"), Term("mentors"), Term("title"), Term("x"))),
        ("snake_case", (Term("snake"), Term("case"))),
    ],
)
def test_anything_else_is_plain_words(text, expected):
    assert parse(text).required == expected
    assert parse(text).excluded == ()


def test_punctuation_alone_is_no_query():
    assert parse("!@#$%^&*()_+{}|:<>?" * 10) == Query()
    assert parse("") == Query() and parse(None) == Query()


def test_a_query_reads_at_most_twelve_words():
    query = parse(" ".join(f"w{n}" for n in range(30)) + ' "a b c"')
    assert len(query.words().split()) == 12


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses_into_words_the_fts5_translation_quotes(text):
    from search.fts5 import fts_match

    query = parse(text)
    match = fts_match(query, "en")
    if match is not None:
        # Outside quoted strings only parentheses, spaces and the operators we wrote remain.
        outside = match.split('"')[::2]
        assert set("".join(outside)) <= set("() ANDORT")


def test_a_backend_may_read_more_words():
    query = parse(" ".join(f"w{n}" for n in range(30)), max_terms=60)
    assert len(query.required) == 30
