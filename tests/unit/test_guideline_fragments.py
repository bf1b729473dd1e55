"""The guideline page's shared fragments: fresh after every content event that changes them,
identical to a render without them, and never carrying one reader's own state to another.

The page cache is off here (the default in tests): this is what every signed-in reader, and
every page the cache does not hold, gets. The fragment cache is on (FRAGMENT_CACHE_SECONDS).
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from knowledge.models import (
    GuidelineRelatedGuidance,
    GuidelineRelatedProject,
    GuidelineResourceLink,
)
from projects.models import ProjectPage
from tests.factories import (
    make_guidance_index,
    make_guideline,
    make_project,
    make_resource,
    make_theme,
    make_user,
)

pytestmark = [pytest.mark.cache, pytest.mark.django_db]

SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}
CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def reader(address="10.0.0.1"):
    """An anonymous browser on the page itself, from its own address."""
    return Client(headers=SAME_ORIGIN, REMOTE_ADDR=address)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def guidance(home):
    return make_guidance_index(home)


@pytest.fixture
def guideline(guidance, registry):
    theme = make_theme("wellbeing", "Wellbeing")
    other = make_guideline(guidance, title="Running a listening week")
    project = make_project(registry, title="Peer mentoring scheme")
    resource = make_resource(title="Survey template", themes=[theme])
    page = make_guideline(guidance, title="Quick check-in surveys")
    page.themes = [theme]
    page.related_guidance_links = [GuidelineRelatedGuidance(guideline=other)]
    page.related_project_links = [GuidelineRelatedProject(project=project)]
    page.resource_links = [GuidelineResourceLink(resource=resource)]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_the_second_reader_gets_the_article_from_one_fragment(guideline):
    url = guideline.url
    with CaptureQueriesContext(connection) as first:
        assert "Running a listening week" in html(reader(), url)
    with CaptureQueriesContext(connection) as second:
        page = html(reader("10.0.0.2"), url)
    assert "Running a listening week" in page and "Peer mentoring scheme" in page
    assert "data-feedback-form" in page  # the form came with it
    # routing, view restrictions, this reader's feedback state: no related lists, no body
    assert len(second.captured_queries) <= 4 < len(first.captured_queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_page_from_fragments_is_the_page_rendered_in_full(guideline, settings, signed_in):
    client = reader()
    if signed_in:
        client.force_login(make_user("officer@example.org", groups=["Officers"]))
    settings.FRAGMENT_CACHE_SECONDS = 0
    rendered = CSRF_VALUE.sub("", html(client, guideline.url))
    settings.FRAGMENT_CACHE_SECONDS = 3600
    html(client, guideline.url)  # fills the fragments
    assert CSRF_VALUE.sub("", html(client, guideline.url)) == rendered


# --- Content events -----------------------------------------------------------------------


def test_a_published_edit_of_the_guideline_shows_at_once(guideline):
    assert "Quick check-in surveys" in html(reader(), guideline.url)
    guideline.title = "Pulse surveys in five minutes"
    guideline.save_revision().publish()
    page = html(reader(), guideline.url)
    assert "Pulse surveys in five minutes" in page
    assert "Quick check-in surveys" not in page


def test_a_published_edit_of_a_related_guideline_shows_at_once(guideline):
    assert "Running a listening week" in html(reader(), guideline.url)
    other = guideline.related_guidance_links.get().guideline
    other.title = "Listening weeks that work"
    other.save_revision().publish()
    page = html(reader(), guideline.url)
    assert "Listening weeks that work" in page
    assert "Running a listening week" not in page


def test_an_unpublished_related_project_goes_at_once(guideline):
    assert "Peer mentoring scheme" in html(reader(), guideline.url)
    ProjectPage.objects.get(title="Peer mentoring scheme").unpublish()
    assert "Peer mentoring scheme" not in html(reader(), guideline.url)


def test_snippet_edits_show_at_once(guideline):
    page = html(reader(), guideline.url)
    assert "Survey template" in page and "Wellbeing" in page
    resource = guideline.resource_links.get().resource
    resource.title = "Check-in survey template"
    resource.save()
    theme = guideline.themes.get()
    theme.name = "Mental health"
    theme.save()
    page = html(reader(), guideline.url)
    assert "Check-in survey template" in page
    assert "Mental health" in page
    assert ">Wellbeing<" not in page


def test_feedback_writes_do_not_empty_the_fragments(guideline):
    html(reader(), guideline.url)
    reader("10.0.0.9").post(guideline.url + "feedback/", {"helpful": "yes"})
    with CaptureQueriesContext(connection) as queries:
        html(reader("10.0.0.2"), guideline.url)
    assert len(queries.captured_queries) <= 4  # still served from the fragment


# --- Nothing personal in a shared fragment -------------------------------------------------


def test_a_signed_in_readers_own_bits_never_reach_another_reader(guideline):
    officer = make_user("ada@example.org", groups=["Officers"], display_name="Ada Officer")
    signed_in = reader()
    signed_in.force_login(officer)
    own = html(signed_in, guideline.url)  # this request fills the fragments
    token = CSRF_VALUE.search(own).group(1)
    assert "Ada Officer" in own and "Sign out" in own
    for other in (reader("10.0.0.2"), None):
        if other is None:  # another signed-in person
            other = reader("10.0.0.3")
            other.force_login(make_user("bo@example.org", groups=["Officers"], display_name="Bo"))
        page = html(other, guideline.url)
        assert "Ada Officer" not in page
        assert "ada@example.org" not in page
        assert token not in page
    anonymous = html(reader("10.0.0.2"), guideline.url)
    assert "Sign out" not in anonymous and "csrfmiddlewaretoken" not in anonymous


def test_one_readers_answer_is_not_shown_to_another(guideline):
    first = reader()
    html(first, guideline.url)
    assert first.post(guideline.url + "feedback/", {"helpful": "yes"}).status_code == 302
    own = html(first, guideline.url)
    assert "you have already told us" in own and "data-feedback-form" not in own
    assert "Running a listening week" in own  # the article's own fragments still serve
    other = html(reader("10.0.0.2"), guideline.url)
    assert "data-feedback-form" in other
    assert "you have already told us" not in other
    assert "Thank you for your feedback" not in other


def test_what_a_reader_typed_is_never_kept_for_another(guideline):
    html(reader("10.0.0.2"), guideline.url)  # the fragment with the empty form
    typed = reader()
    response = typed.post(guideline.url + "feedback/", {"comment": "My own private remark"})
    assert response.status_code == 400
    assert "My own private remark" in response.content.decode()
    for address in ("10.0.0.2", "10.0.0.3"):
        page = html(reader(address), guideline.url)
        assert "My own private remark" not in page
        assert 'aria-invalid="true"' not in page
