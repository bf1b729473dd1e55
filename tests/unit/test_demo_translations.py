"""The demo reads as a whole site in every language: structural pages, content and filters."""

import io
import json
import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from demo import translate
from hub.models import Campus, Theme, Unit
from tests.factories import clear_site

LANGUAGES = translate.languages()


def data(code):
    return json.loads((translate.DATA / f"{code}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_file_is_complete(code):
    pages = data(code)["pages"]
    in_file = set(pages)
    # Structural pages in every language; German and French guidelines come from the knowledge
    # demo's own tables, so their files may leave the guidance section out.
    assert {"", "projects/", "induction/"} <= in_file
    for address, texts in pages.items():
        for english, translated in texts.items():
            assert translated.strip(), f"{code} {address!r}: {english[:60]!r} is blank"
            if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", english):
                assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", translated), (code, translated)
    projects = [a for a in in_file if a.startswith("projects/") and a != "projects/"]
    modules = [a for a in in_file if a.startswith("induction/") and a.count("/") == 3]
    assert len(projects) >= 5 and len(modules) >= 1
    snippets = data(code)["snippets"]
    assert snippets and all(all(v.strip() for v in t.values()) for t in snippets.values())


@pytest.mark.django_db(transaction=False)
def test_load_demo_translates_the_site_into_every_language():
    clear_site()  # as on a fresh install: the demo builds its own home page
    call_command("load_demo", "--no-index", stdout=io.StringIO())
    english = Locale.objects.get(language_code="en")
    english_home = Page.objects.get(depth=2, locale=english)
    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        real = Page.objects.filter(locale=locale, alias_of__isnull=True, live=True)
        home = real.get(depth=2)
        assert home.translation_key == english_home.translation_key
        # Navigation labels: the structural pages are translations, not English aliases.
        for slug in ("projects", "guidance", "induction"):
            page = real.get(depth=3, slug=slug)
            counterpart = page.get_translation(english)
            assert page.title != counterpart.title, (code, slug)
        kinds = {
            "projects": real.filter(content_type__model="projectpage").count(),
            "guidelines": real.filter(content_type__model="guidelinepage").count(),
            "modules": real.filter(content_type__model="trainingmodulepage").count(),
        }
        assert kinds["projects"] >= 5 and kinds["guidelines"] >= 3 and kinds["modules"] >= 1, (
            code,
            kinds,
        )
        for model in (Theme, Unit, Campus):
            translated = model.objects.filter(locale=locale)
            assert translated.count() == model.objects.filter(locale=english).count()
            assert set(translated.values_list("slug", flat=True)) == set(
                model.objects.filter(locale=english).values_list("slug", flat=True)
            )
        # Every page of the language is reachable at an address under its home.
        for page in real.filter(depth=3):
            assert page.url_path.startswith(home.url_path), page.url_path
            assert page.get_url() == f"/{code}/{page.slug}/", (code, page.url_path)
    # Loading again changes nothing.
    before = Page.objects.count()
    call_command("load_demo", "--no-index", stdout=io.StringIO())
    assert Page.objects.count() == before
