"""The 404 and 500 pages are real pages of the site, in the reader's language."""

from django.template.loader import render_to_string
from django.utils import translation


def test_not_found_page_offers_search_and_home(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'action="/en/search/"' in html
    assert '<html lang="en"' in html


def test_server_error_page_renders_without_a_request():
    with translation.override("en"):
        html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert '<html lang="en">' in html
