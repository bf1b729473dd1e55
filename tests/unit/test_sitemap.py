"""``/sitemap.xml``: public pages in every language, with hreflang alternates, nothing private."""

import pytest
from defusedxml import ElementTree as ET
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import LocaleSynchronization

from tests.factories import make_project

SITEMAP_QUERIES = 15  # as many as for one project: no query per page or per language
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def synchronise_languages():
    english = Locale.objects.get(language_code="en")
    for locale in Locale.objects.exclude(pk=english.pk):
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": english})


def translate(alias, **fields):
    """An alias made a real translation, as wagtail-localize does, and published."""
    alias.alias_of_id = None
    alias.save(update_fields=["alias_of_id"], clean=False)
    for name, value in fields.items():
        setattr(alias, name, value)
    alias.save_revision().publish()
    return alias


@pytest.fixture
def pages(registry):
    poll = make_project(registry, title="Wellbeing poll", slug="wellbeing-poll")
    private = make_project(registry, title="Private pilot", slug="private-pilot")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = make_project(registry, title="Draft idea", slug="draft-idea")
    draft.unpublish()
    synchronise_languages()
    german = poll.get_translation(Locale.objects.get(language_code="de")).specific
    translate(german, title="Umfrage", slug="umfrage")
    return poll


def entries(client):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locations = [loc.text for loc in ET.fromstring(index.content).findall(".//sm:loc", NS)]
    assert locations == ["http://testserver/sitemap-pages.xml"]
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    urls = {}
    for url in ET.fromstring(response.content).findall("sm:url", NS):
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        urls[url.find("sm:loc", NS).text] = alternates
    return urls


def test_sitemap_lists_every_languages_pages_with_their_translations(client, pages):
    urls = entries(client)
    english = "http://testserver/en/projects/wellbeing-poll/"
    german = "http://testserver/de/projects/umfrage/"
    assert english in urls and german in urls
    expected = {"en": english, "de": german, "x-default": english}
    assert urls[english] == expected and urls[german] == expected
    assert "http://testserver/en/" in urls and "http://testserver/de/" not in urls  # an alias


def test_sitemap_leaves_out_private_draft_and_alias_pages(client, pages):
    urls = entries(client)
    assert not [url for url in urls if "private-pilot" in url or "draft-idea" in url]
    assert not [url for url in urls if url.startswith("http://testserver/fr/")]  # all aliases
    assert len(urls) == len(set(urls))


def test_sitemap_junk_page_number_is_not_found(client, pages):
    assert client.get("/sitemap-pages.xml", {"p": "abc"}).status_code == 404
    assert client.get("/sitemap-pages.xml", {"p": "99"}).status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404
    assert client.post("/sitemap.xml").status_code == 405


def test_robots_txt_names_the_sitemap(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml\n" in text


def test_sitemap_queries_do_not_grow_with_the_pages(
    client, registry, django_assert_max_num_queries
):
    for number in range(15):
        make_project(registry, title=f"Project {number}")
    synchronise_languages()
    with django_assert_max_num_queries(SITEMAP_QUERIES):
        response = client.get("/sitemap-pages.xml")
    assert response.content.decode().count("<url>") == 17  # home, registry, 15 projects
