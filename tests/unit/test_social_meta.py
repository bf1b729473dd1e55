"""Link previews: OpenGraph and Twitter card tags on projects, guidance and modules."""

import html
import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from tests.factories import build_induction, make_guidance_index, make_guideline, make_project
from tests.factories.knowledge import make_image


def meta(response):
    """``{property or name: [content, …]}`` of the page's meta tags (unescaped)."""
    text = response.content.decode()
    found = {}
    pattern = r'<meta (?:property|name)="([^"]+)" content="([^"]*)">'
    for key, value in re.findall(pattern, text):
        found.setdefault(key, []).append(html.unescape(value))
    return found


def languages_synchronised():
    english = Locale.objects.get(language_code="en")
    for locale in Locale.objects.exclude(pk=english.pk):
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": english})


def test_a_project_describes_itself_for_link_previews(client, registry):
    project = make_project(registry, title="Wellbeing poll", slug="poll", summary="Monthly.")
    tags = meta(client.get(project.url))
    assert tags["og:title"] == ["Wellbeing poll"] and tags["twitter:title"] == ["Wellbeing poll"]
    assert tags["og:description"] == ["Monthly."]
    assert tags["og:url"] == ["http://testserver/en/projects/poll/"]
    assert tags["og:type"] == ["article"]
    assert tags["og:locale"] == ["en_GB"]
    assert tags["twitter:card"] == ["summary"]
    assert "og:image" not in tags and "og:locale:alternate" not in tags


def test_everything_in_the_tags_is_escaped(client, registry):
    title = 'Poll "quoted" <script>alert(1)</script> & more'
    project = make_project(registry, title=title, summary='"><img src=x onerror=alert(1)>')
    text = client.get(project.url).content.decode()
    assert "<script>alert(1)" not in text and "<img src=x" not in text
    tags = meta(client.get(project.url))
    assert tags["og:title"] == [title]
    assert tags["og:description"] == ['"><img src=x onerror=alert(1)>']


def test_an_image_in_the_description_becomes_a_large_card(client, registry):
    image = make_image()
    description = [("image", {"image": image, "alt_text": "Officers at a stall"})]
    project = make_project(registry, title="Stall", description=description)
    tags = meta(client.get(project.url))
    assert tags["twitter:card"] == ["summary_large_image"]
    [url] = tags["og:image"]
    assert url.startswith("http://testserver/") and "fill-1200x630" in url
    assert tags["og:image:alt"] == ["Officers at a stall"]


def test_translations_are_alternates_and_an_alias_points_at_its_original(client, registry):
    project = make_project(registry, title="Wellbeing poll", slug="poll")
    languages_synchronised()
    german = project.get_translation(Locale.objects.get(language_code="de")).specific
    german.alias_of_id = None
    german.save(update_fields=["alias_of_id"], clean=False)
    german.title, german.slug = "Umfrage", "umfrage"
    german.save_revision().publish()
    tags = meta(client.get(project.url))
    assert tags["og:locale:alternate"] == ["de_DE"]
    tags = meta(client.get("/de/projects/umfrage/"))
    assert tags["og:locale"] == ["de_DE"] and tags["og:locale:alternate"] == ["en_GB"]
    assert tags["og:url"] == ["http://testserver/de/projects/umfrage/"]
    french = project.get_translation(Locale.objects.get(language_code="fr")).specific
    tags = meta(client.get(french.url))  # an alias: the English text
    assert tags["og:url"] == ["http://testserver/en/projects/poll/"]
    assert tags["og:locale"] == ["en_GB"]


@pytest.mark.parametrize("kind", ["guideline", "module"])
def test_guidance_and_modules_have_link_previews(client, home, kind):
    if kind == "guideline":
        page = make_guideline(make_guidance_index(home), title="Running a panel", summary="How.")
        summary = "How."
    else:
        page = build_induction(home).modules["first"]
        summary = " ".join(page.summary.split())
    tags = meta(client.get(page.url))
    assert tags["og:title"] == [page.title]
    assert tags["og:description"][0].startswith(summary[:100].rstrip("…"))
    assert tags["og:url"] == [f"http://testserver{page.url}"]
    assert tags["og:type"] == ["article"] and tags["twitter:card"] == ["summary"]


def test_the_home_page_is_a_website(client, home):
    assert meta(client.get(home.url))["og:type"] == ["website"]
