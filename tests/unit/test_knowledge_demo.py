"""The knowledge base's demo content: complete, translated through wagtail-localize, idempotent."""

import io

import pytest
from wagtail.models import Locale

from demo import content
from hub import demo as hub_demo
from knowledge import demo as knowledge_demo
from knowledge.models import Feedback, GuidelinePage, KnowledgeIndexPage, Resource
from tests.factories import clear_site

GUIDANCE = content.guidance()
WHO_TAKES_PART = next(g for g in GUIDANCE["guidelines"] if g["slug"].en == "who-takes-part")


@pytest.fixture
def ctx(db, settings):
    # Three languages are enough to prove the point and keep the test quick.
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("fr", "Français")]
    Locale.objects.exclude(language_code__in=["en", "de", "fr"]).delete()
    clear_site()  # the demo builds its own home page, as on a fresh install
    ctx = hub_demo.DemoContext(stdout=io.StringIO())
    hub_demo.load(ctx)
    hub_demo.ensure_taxonomies(ctx, {"themes": content.taxonomies()["themes"]})
    return ctx


def test_demo_data_translations_are_complete_and_consistent():
    for data in [GUIDANCE["index"], *GUIDANCE["translated"]]:
        table = knowledge_demo.translation_table(data)  # raises on conflicting translations
        for text in table.values():
            assert text.de.strip() and text.fr.strip()
    assert len(GUIDANCE["guidelines"]) >= 12
    slugs = [knowledge_demo.en(g["slug"]) for g in GUIDANCE["guidelines"]]
    assert len(set(slugs)) == len(slugs)
    for guideline in GUIDANCE["guidelines"]:
        assert set(guideline["related"]) <= set(slugs)
        assert any(item["type"] == "practice" for item in guideline["body"]), guideline["slug"]
        headings = sum(item["type"] in ("h2", "h3") for item in guideline["body"])
        assert headings >= 3, guideline["slug"]


def test_demo_builds_guidance_translates_it_and_can_run_again(
    ctx, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        knowledge_demo.load(ctx)

    index = KnowledgeIndexPage.objects.get(locale=ctx.locale)
    assert index.show_in_menus and index.live
    english = GuidelinePage.objects.filter(locale=ctx.locale)
    assert english.count() == len(GUIDANCE["guidelines"])
    assert all(page.live for page in english)
    assert Resource.objects.count() == len(GUIDANCE["resources"])
    assert Feedback.objects.count() == len(GUIDANCE["feedback"])
    assert any(page.is_overdue for page in english)
    assert index.featured_links.count() == len(GUIDANCE["featured"])

    for code in GUIDANCE["translated_languages"]:
        locale = Locale.objects.get(language_code=code)
        translated = GuidelinePage.objects.filter(locale=locale, alias_of__isnull=True, live=True)
        assert translated.count() == len(GUIDANCE["translated"])
        index_translation = index.get_translation(locale)
        assert index_translation.alias_of_id is None
        assert index_translation.title == GUIDANCE["index"]["title"]._asdict()[code]
        # The untranslated guidelines are there too, as aliases of the English pages.
        aliases = GuidelinePage.objects.filter(locale=locale, alias_of__isnull=False)
        assert aliases.count() == len(GUIDANCE["guidelines"]) - len(GUIDANCE["translated"])

    german = GuidelinePage.objects.get(locale__language_code="de", slug=WHO_TAKES_PART["slug"].de)
    response = client.get(german.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert WHO_TAKES_PART["title"].de in html
    assert "<caption>Wer wofür verantwortlich ist</caption>" in html
    assert 'href="#warum-klare-rollen-wichtig-sind"' in html
    assert client.get("/fr/guidance/").status_code == 200

    pages_before = GuidelinePage.objects.count()
    again = hub_demo.DemoContext(stdout=io.StringIO())
    hub_demo.load(again)
    with django_capture_on_commit_callbacks(execute=True):
        knowledge_demo.load(again)
    assert {label: n for label, n in again.created.items() if n} == {}
    assert GuidelinePage.objects.count() == pages_before
    assert Feedback.objects.count() == len(GUIDANCE["feedback"])
