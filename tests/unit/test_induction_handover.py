"""Handover from the outgoing officer to their successor, and projects released at term end."""

import copy
from types import SimpleNamespace

import pytest
from django.core import mail
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from induction.models import Handover, HandoverContact, HandoverProject
from tests.factories import build_induction, make_project, make_site, make_user
from tests.support.shared_data import module_transaction


def form_data(**extra):
    data = {
        "action": "save",
        "overview": "A busy year.",
        "pledges_note": "",
        "pending_decisions": "The food outlet contract is decided in September.",
        "advice": "Meet the registrar early.",
        "project_query": "",
        "contacts-TOTAL_FORMS": "2",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "30",
        "contacts-0-name": "Dana Diaz",
        "contacts-0-role": "Head of Student Services",
        "contacts-0-email": "dana@example.org",
        "contacts-0-why": "Runs the counselling service.",
    }
    data.update(extra)
    return data


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            home, registry = make_site()
            ind = build_induction(home)
            carol = ind.users["carol"]
            world = SimpleNamespace(
                ind=ind,
                carol=carol,  # outgoing VP Welfare
                alice=ind.users["alice"],  # incoming VP Welfare
                bob=ind.users["bob"],  # incoming President
                term=ind.terms["carol"],
                registry=registry,
                project=make_project(registry, title="Peer support circles", union_contact=carol),
                other_project=make_project(registry, title="Library opening hours"),
                moderator=make_user("mod@example.org", groups=["Moderators"]),
                editor=make_user("ed@example.org", groups=["Editors"]),
            )
        yield world


@pytest.fixture
def world(_world, db):
    """The site, the induction hub, two projects, a moderator and an editor; a copy per test."""
    return copy.deepcopy(_world)


def write_url(world):
    return f"/en/induction/handover/write/{world.term.pk}/"


def write(client, world, **extra):
    client.force_login(world.carol)
    return client.post(write_url(world), form_data(**extra))


def read_url(handover):
    return f"/en/induction/handover/{handover.pk}/"


def assert_can_read(client, world, user, handover, allowed):
    client.force_login(user)
    status = client.get(read_url(handover)).status_code
    assert status == (200 if allowed else 404), user.email


def test_draft_is_private_to_its_author(client, world):
    response = write(
        client,
        world,
        **{"projects": [world.project.pk], f"note_{world.project.pk}": "Recruiting volunteers."},
    )
    assert response.status_code == 302
    handover = Handover.objects.get(term=world.term)
    assert handover.status == Handover.Status.DRAFT
    assert HandoverProject.objects.get(handover=handover).note == "Recruiting volunteers."
    assert HandoverContact.objects.get(handover=handover).name == "Dana Diaz"
    assert_can_read(client, world, world.carol, handover, True)
    for user in (world.alice, world.bob, world.moderator, world.editor):
        assert_can_read(client, world, user, handover, False)
    client.force_login(world.alice)
    assertNotContains(client.get("/en/induction/"), "Handover from Carol")


def test_submitted_handover_reaches_the_successor_and_moderators_only(client, world):
    response = write(client, world, action="submit", projects=[world.project.pk])
    handover = Handover.objects.get(term=world.term)
    assertRedirects(response, read_url(handover), fetch_redirect_response=False)
    assert handover.status == Handover.Status.SUBMITTED
    assert handover.submitted_at is not None
    assert_can_read(client, world, world.carol, handover, True)
    assert_can_read(client, world, world.alice, handover, True)
    assert_can_read(client, world, world.moderator, handover, True)
    assert_can_read(client, world, world.bob, handover, False)
    assert_can_read(client, world, world.editor, handover, False)
    client.logout()
    response = client.get(read_url(handover))
    assert response.status_code == 302

    client.force_login(world.alice)
    page = client.get(read_url(handover))
    assertContains(page, "Peer support circles")
    assertContains(page, "Dana Diaz")
    assertContains(page, "Meet the registrar early.")
    dashboard = client.get("/en/induction/")
    assertContains(dashboard, "Handover from Carol Costa (VP Welfare)")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.org"]
    assert read_url(handover) in mail.outbox[0].body


def test_other_officers_cannot_write_into_someone_elses_term(client, world):
    client.force_login(world.bob)
    assert client.get(write_url(world)).status_code == 404
    assert client.post(write_url(world), form_data()).status_code == 404
    assert not Handover.objects.exists()


def test_invalid_contact_keeps_everything_typed_and_saves_nothing(client, world):
    response = write(
        client, world, **{"contacts-0-email": "not-an-address", "advice": "Keep this advice"}
    )
    assert response.status_code == 400
    assertContains(response, "Enter a valid email address.", status_code=400)
    assertContains(response, "Keep this advice", status_code=400)
    assertContains(response, 'aria-invalid="true"', status_code=400)
    assert not Handover.objects.exists()


def test_too_long_project_note_is_refused(client, world):
    response = write(
        client, world, **{"projects": [world.project.pk], f"note_{world.project.pk}": "x" * 1001}
    )
    assert response.status_code == 400
    assertContains(response, "Keep the note under 1000 characters.", status_code=400)
    assert not Handover.objects.exists()


def test_finding_projects_saves_the_draft_and_offers_matches(client, world):
    response = write(client, world, action="find", project_query="library opening")
    assert response.status_code == 302
    assert "q=library+opening" in response["Location"]
    assert Handover.objects.filter(term=world.term).exists()
    page = client.get(response["Location"])
    assertContains(page, "Library opening hours")
    assertContains(page, f'name="projects" value="{world.other_project.pk}"')


def test_only_own_open_pledges_can_be_passed_on(client, world):
    from induction.models import Pledge

    mine = Pledge.objects.create(officer=world.carol, title="Free period products")
    theirs = Pledge.objects.create(officer=world.alice, title="Alice's pledge")
    write(client, world, unfinished_pledges=[mine.pk])
    handover = Handover.objects.get(term=world.term)
    assert list(handover.unfinished_pledges.all()) == [mine]
    response = write(client, world, unfinished_pledges=[theirs.pk])
    assert response.status_code == 400
    assert list(handover.unfinished_pledges.all()) == [mine]


def test_handover_list_shows_terms_and_moderators_see_all_submitted(client, world):
    write(client, world, action="submit")
    client.force_login(world.moderator)
    response = client.get("/en/induction/handover/")
    assertContains(response, "All submitted handovers")
    assertContains(response, "Carol Costa")
    client.force_login(make_user(groups=["Staff"]))
    assert client.get("/en/induction/handover/").status_code == 404
