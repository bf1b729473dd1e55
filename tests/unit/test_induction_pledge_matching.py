"""Pledge suggestions: joinable projects that really match, or an honest "nothing fits"."""

import pytest

from induction.matching import is_relevant, significant_terms, suggest_for_pledge
from induction.models import Pledge
from tests.factories import build_induction, make_project, make_site


@pytest.fixture
def world(db):
    home, registry = make_site()
    ind = build_induction(home)

    def project(title, summary, **fields):
        return make_project(registry, title=title, summary=summary, **fields)

    return {
        "alice": ind.users["alice"],
        "peer": project(
            "Peer mental health support network",
            "Student volunteers offer peer support for mental health and signpost counselling.",
        ),
        "paused": project(
            "Mental health first aid training",
            "Training in mental health first aid and support for staff and students.",
            status="paused",
            stopped_reason="Paused while the counselling service recruits new trainers.",
        ),
        "closed": project(
            "Mental health awareness week",
            "A week of events on mental health support.",
            open_to_officers=False,
        ),
        "noise": project(
            "Library opening hours",
            "Longer opening hours for students in the exam period, with quiet support desks.",
        ),
    }


def pledge(world, title, description=""):
    return Pledge.objects.create(officer=world["alice"], title=title, description=description)


def test_only_joinable_projects_that_share_the_pledges_subject_are_suggested(world):
    suggestions, _degraded = suggest_for_pledge(
        pledge(world, "Mental health support on every campus", "More peer support.")
    )
    assert [p.pk for p in suggestions] == [world["peer"].pk]


def test_a_pledge_with_no_real_match_gets_no_suggestions_and_is_told_so(world, client):
    item = pledge(world, "Cheaper bus tickets for commuters", "Negotiate student fares.")
    suggestions, _degraded = suggest_for_pledge(item)
    assert suggestions == []
    client.force_login(world["alice"])
    page = client.get(f"/en/induction/manifesto/{item.pk}/").content.decode()
    assert "No matching project found from the pledge" in page


def test_one_shared_incidental_word_is_not_a_match():
    terms = significant_terms("Free period products in every bathroom")
    assert not is_relevant(terms, "Library opening hours", "Longer opening in the exam period")
    assert is_relevant(terms, "Free period products scheme", "Products in bathrooms")


def test_a_title_match_counts_for_a_short_pledge():
    terms = significant_terms("Wellbeing")
    assert is_relevant(terms, "Monthly wellbeing poll", "")
    assert not is_relevant(set(), "Monthly wellbeing poll", "")
