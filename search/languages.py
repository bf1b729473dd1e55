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
    "nl": "dutch",
}
POSTGRES_FOLDING_CONFIG = "hub_simple_unaccent"
POSTGRES_FALLBACK_CONFIG = "simple"

# OpenSearch / Elasticsearch: the built-in language analyzers; Polish and Slovenian get the
# standard tokenizer with lowercasing and ASCII folding (``hub_folding``, defined in the index
# settings by :mod:`search.backends`). Each searched text field has one sub-field per language.
ENGINE_ANALYZERS = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "nl": "dutch",
    "pl": "hub_folding",
    "sl": "hub_folding",
}
ENGINE_FOLDING_ANALYZER = {
    "hub_folding": {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding"],
    }
}

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
