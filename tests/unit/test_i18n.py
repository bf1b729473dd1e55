"""hub.i18n: the reader's Locale, and names and snippets in one language, a batch at a time."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from hub.i18n import active_locale, localize_snippets, names_by_slug
from hub.models import Theme
from tests.factories import make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def german():
    return Locale.objects.get_or_create(language_code="de")[0]


@pytest.fixture
def themes(german):
    wellbeing = make_theme("wellbeing", "Wellbeing")
    housing = make_theme("housing", "Housing")
    wohl = Theme.objects.create(
        slug="wellbeing",
        name="Wohlbefinden",
        locale=german,
        translation_key=wellbeing.translation_key,
    )
    return wellbeing, housing, wohl


def test_names_by_slug_keep_the_default_name_where_nothing_is_translated(german, themes):
    assert names_by_slug(Theme, german.pk) == {"wellbeing": "Wohlbefinden", "housing": "Housing"}
    assert names_by_slug(Theme, german.pk, slugs=["housing"]) == {"housing": "Housing"}


def test_snippets_are_swapped_for_their_translations_in_one_query(
    german, themes, django_assert_num_queries
):
    wellbeing, housing, wohl = themes
    with django_assert_num_queries(1):
        once = localize_snippets([housing, wellbeing, None, wohl], german.pk, Theme.objects.all())
    assert once == [housing, wohl]  # order kept, each translation once
    every = localize_snippets([wellbeing, wohl], german.pk, Theme.objects.all(), unique=False)
    assert every == [wohl, wohl]


def test_snippets_already_in_the_language_cost_no_query(german, themes, django_assert_num_queries):
    wohl = themes[2]
    with django_assert_num_queries(0):
        assert localize_snippets([wohl], german.pk, Theme.objects.all()) == [wohl]


def test_the_active_locale_falls_back_to_the_default_one(german):
    with translation.override("de"):
        assert active_locale() == german
    with translation.override("xx"):  # a language the site does not offer
        assert active_locale() == Locale.get_default()
