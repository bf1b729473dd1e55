"""Crawlers may read public pages in every language, never personal or working pages."""

from wagtail.models import Locale


def _robots(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


def test_robots_txt_allows_public_pages_and_keeps_private_ones_out(client, registry):
    text = _robots(client)
    assert text.startswith("User-agent: *\n")
    private_paths = (
        "/admin/",
        "/*/account/",
        "/*/search/",
        "/*/projects/manage/",
        "/*/projects/mine/",
        "/*/projects/alerts/",
        "/*/projects/export/",
        "/calendar/officer/",
    )
    for private in private_paths:
        assert f"Disallow: {private}\n" in text
    assert "Disallow: /\n" not in text
    assert "/projects/feed/" not in text  # the registry's feed is public
    assert client.post("/robots.txt").status_code == 405


def test_a_translated_registry_slug_is_kept_out_too(client, home, registry):
    german = Locale.objects.get(language_code="de")
    home.copy_for_translation(german).save_revision().publish()
    german_registry = registry.copy_for_translation(german)
    german_registry.slug = "projekte"
    german_registry.save_revision().publish()
    text = _robots(client)
    for private in ("/*/projekte/mine/", "/*/projekte/manage/", "/*/projects/mine/"):
        assert f"Disallow: {private}\n" in text
    german_registry.slug = "projektverzeichnis"
    german_registry.save_revision().publish()
    assert "Disallow: /*/projektverzeichnis/requests/\n" in _robots(client)
