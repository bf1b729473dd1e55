"""Crawlers may read public pages in every language, never personal or working pages."""


def test_robots_txt_allows_public_pages_and_keeps_private_ones_out(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert text.startswith("User-agent: *\n")
    private_paths = (
        "/admin/",
        "/*/account/",
        "/*/projects/manage/",
        "/*/projects/export/",
        "/calendar/officer/",
    )
    for private in private_paths:
        assert f"Disallow: {private}\n" in text
    assert "Disallow: /\n" not in text
    assert client.post("/robots.txt").status_code == 405
