"""Which analysis each language gets (search/languages.py)."""

from django.utils import translation
from wagtail.models import Locale

from search import languages


def test_base_language_falls_back_to_the_default():
    assert languages.base_language("de-at") == "de"
    assert languages.base_language("PL") == "pl"
    assert languages.base_language("xx") == "en"
    assert languages.base_language(None) == "en"


def test_the_query_language_is_the_readers_unless_named():
    with translation.override("fr"):
        assert languages.query_language() == "fr"
        assert languages.query_language("nl") == "nl"


def test_an_object_has_its_locales_language(db):
    german = Locale.objects.get(language_code="de")

    class Page:
        locale_id = german.pk

    assert languages.object_language(Page()) == "de"
    assert languages.object_language(object()) == "en"  # not translatable: the default


def test_every_language_has_a_postgres_configuration():
    stemmed = set(languages.POSTGRES_CONFIGS)
    assert stemmed == {"en", "de", "fr", "es", "it", "nl"}
    # Polish and Slovenian use the folding configuration (search migration 0003).
    assert {"pl", "sl"}.isdisjoint(stemmed)
