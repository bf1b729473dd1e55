"""The ranked PostgreSQL search path (search/database.py) on a real PostgreSQL."""

import pytest
from django.db import connection

from projects.models import ProjectPage
from search import service
from tests.factories import make_project

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL=postgres://…)"
    ),
]


@pytest.fixture
def projects(registry):
    return {
        "library": make_project(
            registry,
            title="Library opening hours",
            summary="Longer opening in exam weeks; the poll poll poll results guided it.",
        ),
        "poll": make_project(registry, title="Wellbeing poll", summary="Monthly questions."),
        "gym": make_project(registry, title="Sports fees", summary="Cheaper gym for the poll."),
        "split": make_project(registry, title="Careers fair", summary="Stalls for wellbeing."),
    }


def ids(query, **options):
    return service.search_ids(ProjectPage.objects.live(), query, **options).ids


def test_the_ranked_path_is_used(projects):
    assert hasattr(service.get_backend(), "ranked_ids")


def test_title_matches_rank_first(projects):
    found = ids("poll")
    assert found[0] == projects["poll"].pk
    assert set(found) == {projects["library"].pk, projects["poll"].pk, projects["gym"].pk}


def test_every_word_somewhere_in_title_or_body(projects):
    assert ids("careers wellbeing") == [projects["split"].pk]  # one in the title, one in the body
    assert ids("careers gym") == []
    assert set(ids("careers gym", operator="or")) == {projects["split"].pk, projects["gym"].pk}


def test_stop_words_alone_find_nothing_and_do_not_narrow(projects):
    assert ids("the and of") == []
    assert ids("the poll")[0] == projects["poll"].pk


def test_the_callers_queryset_still_applies(projects):
    projects["poll"].unpublish()
    assert projects["poll"].pk not in ids("poll")
    assert projects["poll"].pk in ids("poll", exact=False)  # the registry filters itself


def test_limit_and_named_fields(projects):
    assert len(ids("poll", limit=2)) == 2
    assert ids("poll", fields=["title"]) == [projects["poll"].pk]
