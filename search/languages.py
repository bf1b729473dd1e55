"""Which text analysis each content language gets, on each backend.

One table, read by the PostgreSQL backend (:mod:`search.database`: the text-search
configuration a page is indexed and queried with) and meant for the engine mappings. A page's
language is its Wagtail locale; a query's language is the one the caller names, else the
reader's active language. Languages without a stemmer on a backend get the best fallback
(see the README's "Languages in search" section).
"""

from django.conf import settings
from django.utils import translation

# PostgreSQL's built-in Snowball configurations. Polish and Slovenian have none: they use
# ``hub_simple_unaccent`` (created by search's migration 0003: ``simple`` with accents folded,
# so "zażółć" and "zazolc" match), or plain ``simple`` where the unaccent extension is missing.
POSTGRES_CONFIGS = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
}
POSTGRES_FOLDING_CONFIG = "hub_simple_unaccent"
# Languages whose words PostgreSQL gets already stemmed, by the Snowball stemmers of
# ``snowballstemmer`` (:mod:`search.stemming`), under the folding configuration: PostgreSQL has
# no Polish stemmer, and its Dutch one is an older Snowball Dutch that misses common plurals
# ("cursussen", "enquêtes": 80% recall against 90% for the current one).
POSTGRES_STEMMED_IN_PYTHON = frozenset({"nl", "pl"})
POSTGRES_FALLBACK_CONFIG = "simple"

# OpenSearch / Elasticsearch: the built-in language analyzers for English, German and French;
# Spanish and Italian get the full Snowball stemmers (the built-in analyzers use light
# stemmers that keep "corsi" and "corso", "organizado" and "organizar" apart), with the same
# stop words (and Italian's elided articles); Dutch gets the Kraaij-Pohlmann stemmer on
# Lucene 9 engines (OpenSearch 2, Elasticsearch 8: their "dutch" is the old Snowball Dutch,
# which keeps "cursussen" and "cursus" apart) and Lucene 10's Snowball Dutch on OpenSearch 3
# and Elasticsearch 9, which dropped the Kraaij-Pohlmann stemmer (``DUTCH_STEMMER``); Polish
# gets the Stempel stemmer when the engine has it (the analysis-stempel plugin's
# ``polish_stem`` and ``polish_stop`` filters, :data:`POLISH_STEMPEL`), else the folding one;
# Slovenian gets the standard tokenizer with lowercasing and ASCII folding. All defined in the
# index settings by :mod:`search.backends` (:data:`ENGINE_ANALYSIS`). Each searched text field
# has one sub-field per language.
#
# Polish pages also carry their text as Snowball stems computed in Python (the stems SQLite and
# PostgreSQL index, :mod:`search.stemming`), in the fields named by :func:`stems_field`, and a
# Polish query is stemmed the same way before it reaches them (:mod:`search.engine_queries`):
# no engine ships a Polish Snowball stemmer, and Stempel alone misses nominative plurals
# ("ankiety"/"ankieta"). This needs no plugin, so it works on managed clusters and on
# Elasticsearch alike.
ENGINE_STEMMED_IN_PYTHON = frozenset({"pl"})
STEMS_PREFIX = "_stems_"
ENGINE_ANALYZERS = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "hub_spanish",
    "it": "hub_italian",
    "nl": "hub_dutch",
    "pl": "hub_polish",
    "sl": "hub_folding",
}
ITALIAN_ARTICLES = [
    "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl",
    "negl", "sugl", "un", "m", "t", "s", "v", "d",
]  # fmt: skip
DUTCH_STEMMER = {"lucene9": "dutch_kp", "lucene10": "dutch"}
ENGINE_ANALYSIS = {
    "filter": {
        "hub_spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
        "hub_spanish_stemmer": {"type": "stemmer", "language": "spanish"},
        "hub_italian_elision": {
            "type": "elision",
            "articles": ITALIAN_ARTICLES,
            "articles_case": True,
        },
        "hub_italian_stop": {"type": "stop", "stopwords": "_italian_"},
        "hub_italian_stemmer": {"type": "stemmer", "language": "italian"},
        "hub_dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
        "hub_dutch_stemmer": {"type": "stemmer", "language": "dutch_kp"},
    },
    "analyzer": {
        "hub_folding": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding"],
        },
        # Without the Stempel plugin; POLISH_STEMPEL takes its place on an engine that has it.
        "hub_polish": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding"],
        },
        "hub_spanish": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "hub_spanish_stop", "hub_spanish_stemmer"],
        },
        "hub_dutch": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "hub_dutch_stop", "hub_dutch_stemmer"],
        },
        "hub_italian": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "hub_italian_elision",
                "lowercase",
                "hub_italian_stop",
                "hub_italian_stemmer",
            ],
        },
    },
}

# Polish with the Stempel stemmer, then folded (as without it), so that a query typed without
# Polish letters can still meet a stem.
POLISH_STEMPEL = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["lowercase", "polish_stop", "polish_stem", "asciifolding"],
}


def stems_field(column, language):
    """The field holding ``column``'s text as Python-computed stems of ``language``:
    ``"_stems_pl.title"`` (an object field ``_stems_pl`` with one text field per column)."""
    return f"{STEMS_PREFIX}{language}.{column}"


def stems_language(field_name):
    """The language of a :func:`stems_field` name, else ``None``."""
    if not field_name.startswith(STEMS_PREFIX):
        return None
    return field_name[len(STEMS_PREFIX) :].split(".", 1)[0]


# ``language=ALL`` asks for a query matched in every language's analysis at once (the
# "all languages" choice of every search, :mod:`search.scope`).
ALL = "all"

_locale_languages = {}  # Locale pk -> language code (locales are never renumbered)


def base_language(code):
    """``"de"`` for ``"de-at"``; the default language for ``None`` or an unknown code."""
    code = (code or "").split("-")[0].lower()
    known = {lang for lang, _name in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE.split("-")[0]


def query_language(language=None):
    """The language a query is analysed in: ``language``, else the reader's active one
    (``ALL`` stays ``ALL``)."""
    if language == ALL:
        return ALL
    return base_language(language or translation.get_language())


def object_language(obj):
    """The language of an indexed object: its locale's, else the default language."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return base_language(None)
    code = _locale_languages.get(locale_id)
    if code is None:
        from wagtail.models import Locale

        code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
        _locale_languages[locale_id] = code
    return base_language(code)
