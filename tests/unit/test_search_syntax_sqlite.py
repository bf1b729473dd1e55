"""Quoted phrases, OR and -exclusions on the SQLite backend, through the service and the site."""

import pytest
from django.db import connection

from projects.models import ProjectPage
from search import service
from tests.factories import make_project, make_site
from tests.support.shared_data import module_transaction

# The SQLite backend's analysis (PostgreSQL's is in tests/integration).
pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backend")

HOSTILE = [
    '"peer mentors',
    'peer"',
    "-",
    "- -",
    "OR OR",
    "OR",
    '-"peer"',
    "!@#$%^&*(){}[]|\\:;'<>,.?/~`" * 8,
    "NEAR(peer mentors)",
    "peer*",
    "^peer",
    "title:peer",
    "{title}: peer",
    'peer" OR "x',
    "peer AND NOT mentors",
    "'; DROP TABLE wagtailsearch_indexentry; --",
    "\x00peer\x1f",
]


@pytest.fixture(scope="module")
def _names(django_db_setup, django_db_blocker):
    """``{pk: name}`` of four projects built and indexed once for the module
    (``tests/support/shared_data.py``)."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            _home, registry = make_site()
            pages = {
                "mentors": make_project(
                    registry, title="Peer mentors", summary="First-years meet their mentors."
                ),
                "staff": make_project(
                    registry,
                    title="Mentors for staff",
                    summary="Staff review with a peer each term.",
                ),
                "poll": make_project(registry, title="Wellbeing poll", summary="A monthly poll."),
                "audit": make_project(
                    registry, title="Accessibility audit", summary="Every building."
                ),
            }
        yield {page.pk: name for name, page in pages.items()}


@pytest.fixture
def found(_names, db):
    def search(query):
        ids = service.search_ids(ProjectPage.objects.live(), query, language="en").ids
        return {_names[pk] for pk in ids}

    return search


def test_a_quoted_phrase_matches_the_words_in_order(found):
    assert found("peer mentors") == {"mentors", "staff"}
    assert found('"peer mentors"') == {"mentors"}
    assert found('"mentors peer"') == set()


def test_or_means_either(found):
    assert found("wellbeing OR accessibility") == {"poll", "audit"}
    assert found("wellbeing or accessibility") == set()  # lower case: three required words


def test_a_leading_minus_excludes(found):
    assert found("mentors -staff") == {"mentors"}
    assert found("mentors -staff -first") == set()
    assert found("-staff") == set()  # exclusions alone find nothing


def test_syntax_and_stemming_work_together(found):
    assert found('"peer mentor"') == {"mentors"}
    assert found("polls OR audits -wellbeing") == {"audit"}


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_syntax_is_a_plain_safe_query(found, query):
    outcome = service.search_ids(ProjectPage.objects.live(), query, language="en")
    assert not outcome.degraded  # answered by the database without an error
    assert found(query) <= {"mentors", "staff"}


def test_wagtails_own_search_reads_the_syntax_too(found):
    backend = service.get_backend()
    titles = {page.title for page in backend.search('"peer mentors"', ProjectPage.objects.all())}
    assert titles == {"Peer mentors"}
    for query in HOSTILE:
        list(backend.search(query, ProjectPage.objects.all()))


def test_the_site_search_finds_a_quoted_phrase(client, found):
    response = client.get("/en/search/", {"q": '"peer mentors"'})
    assert response.status_code == 200
    titles = [result.page.title for result in response.context["search"].results]
    assert titles == ["Peer mentors"]
    for query in ("mentors -staff", "wellbeing OR accessibility", *HOSTILE):
        assert client.get("/en/search/", {"q": query}).status_code == 200
