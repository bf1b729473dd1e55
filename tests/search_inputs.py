"""Hypothesis strategies for hostile search input, shared by the database and engine tests."""

from hypothesis import strategies as st

SYNTAX = [
    "title:x",
    "summary:*",
    "*",
    "?",
    '"',
    '"unclosed phrase',
    "\\",
    "\\\\",
    "AND",
    "OR",
    "NOT",
    "&&",
    "||",
    "!",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "^2",
    "~1",
    ":",
    "/regex/",
    "+must",
    "-not",
    "%",
    "_",
    "'",
    "';--",
    "<script>",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "\u200f",
    "\ufeff",
    "שלום",
    "مرحبا",
    "😀",
    "👩🏽‍🎓",
    "wellbeing",
]

words = st.text(min_size=1, max_size=12)
mixed = st.lists(st.one_of(st.sampled_from(SYNTAX), words), max_size=25).map(" ".join)
huge = st.builds(
    lambda chunk, n: (chunk * n)[:10000],
    st.sampled_from(["a", "wellbeing ", "é", "😀", "\x00", "*", "AND ", "\\", "مرحبا "]),
    st.integers(min_value=5000, max_value=10000),
)

queries = st.one_of(st.text(max_size=300), mixed, huge)
page_numbers = st.one_of(st.none(), st.text(max_size=8), st.integers(-5, 10**12).map(str))
