"""Projects released when an officer's term ends: the daily command and saving an ended term."""

import copy
import datetime
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.utils import timezone

from induction.models import OfficerTerm
from induction.succession import end_terms, release_projects
from projects.models import ProjectMember, ProjectPage
from tests.factories import build_induction, make_project, make_site
from tests.support.shared_data import module_transaction


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            home, registry = make_site()
            ind = build_induction(home)
            carol = ind.users["carol"]
            led = make_project(registry, title="Led by Carol", union_contact=carol)
            joined = make_project(registry, title="Carol is a member")
            ProjectMember.objects.create(project=joined, user=carol, role="Officer")
            untouched = make_project(registry, title="Someone else's")
            world = SimpleNamespace(
                ind=ind, carol=carol, led=led, joined=joined, untouched=untouched
            )
        yield world


@pytest.fixture
def world(_world, db):
    """Carol (outgoing) leads one project, is a member of another; a third is not hers."""
    return copy.deepcopy(_world)


def end_carols_term(world):
    term = OfficerTerm.objects.get(pk=world.ind.terms["carol"].pk)
    OfficerTerm.objects.filter(pk=term.pk).update(
        ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    term.refresh_from_db()
    return term


def flags():
    return dict(ProjectPage.objects.values_list("title", "needs_new_lead"))


def test_daily_command_flags_projects_left_without_a_lead_once(world):
    term = end_carols_term(world)
    call_command("end_terms", verbosity=0)
    assert flags() == {"Led by Carol": True, "Carol is a member": False, "Someone else's": False}
    term.refresh_from_db()
    assert term.projects_released_at is not None
    # The flag survives the next publish of an older draft.
    led = ProjectPage.objects.get(pk=world.led.pk)
    led.latest_revision.refresh_from_db()
    assert led.latest_revision.content["needs_new_lead"]
    led.latest_revision.publish()
    assert ProjectPage.objects.get(pk=world.led.pk).needs_new_lead
    # Running again changes nothing.
    ProjectPage.objects.filter(pk=world.led.pk).update(needs_new_lead=False)
    assert end_terms() == []
    assert not ProjectPage.objects.get(pk=world.led.pk).needs_new_lead


def test_terms_still_running_are_left_alone(world):
    assert end_terms() == []
    assert not any(flags().values())


def test_re_elected_officer_keeps_their_projects(world):
    term = end_carols_term(world)
    OfficerTerm.objects.create(
        user=world.carol,
        role=term.role,
        starts_on=timezone.localdate() - datetime.timedelta(days=1),
        ends_on=timezone.localdate() + datetime.timedelta(days=300),
    )
    assert release_projects(term) == 0
    assert not any(flags().values())


def test_saving_a_term_that_has_ended_releases_projects_at_once(world):
    term = OfficerTerm.objects.get(pk=world.ind.terms["carol"].pk)
    term.ends_on = timezone.localdate() - datetime.timedelta(days=2)
    term.save()
    assert flags()["Led by Carol"]
