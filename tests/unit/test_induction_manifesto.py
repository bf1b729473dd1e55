"""Manifesto pledges: project suggestions, links, status updates, privacy and the tracker."""

import copy
from types import SimpleNamespace

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects
from wagtail.models import Locale

from induction.matching import search_projects, suggest_for_pledge
from induction.models import ManifestoTracker, Pledge, PledgeUpdate
from projects.models import ProjectPage
from tests.factories import build_induction, make_project, make_site, make_theme
from tests.support.shared_data import module_transaction


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            home, registry = make_site()
            ind = build_induction(home)
            wellbeing = make_theme("wellbeing", "Wellbeing")
            world = SimpleNamespace(
                home=home,
                registry=registry,
                ind=ind,
                alice=ind.users["alice"],
                bob=ind.users["bob"],
                peer=make_project(
                    registry,
                    title="Peer mental health support network",
                    summary="Trained student volunteers offer peer support for mental health "
                    "and signpost to counselling.",
                    themes=[wellbeing],
                ),
                library=make_project(
                    registry,
                    title="Library opening hours",
                    summary="Longer opening hours in the exam period.",
                ),
                careers=make_project(
                    registry,
                    title="Accessible careers fair",
                    summary="A careers fair everyone can get into.",
                ),
            )
        yield world


@pytest.fixture
def world(_world, db):
    """The site, the induction hub and three projects; each test has its own copy."""
    return copy.deepcopy(_world)


@pytest.fixture
def client(client, world):
    """Signed in as Alice, the incoming VP Welfare."""
    client.force_login(world.alice)
    return client


def make_pledge(world, title="Mental health support on every campus", **fields):
    return Pledge.objects.create(officer=world.alice, title=title, **fields)


def url(pledge=None, suffix=""):
    if pledge is None:
        return "/en/induction/manifesto/"
    return f"/en/induction/manifesto/{pledge.pk}/{suffix}"


# --- Suggestions -------------------------------------------------------------------


def test_mental_health_pledge_is_matched_to_the_wellbeing_project(client, world):
    pledge = make_pledge(world, description="More support for students' mental health.")
    suggestions, degraded = suggest_for_pledge(pledge)
    assert not degraded
    assert suggestions[0].pk == world.peer.pk
    assert world.library.pk not in [p.pk for p in suggestions]
    page = client.get(url(pledge))
    assertContains(page, "Peer mental health support network")


def test_adding_a_pledge_goes_straight_to_its_suggestions(client, world):
    response = client.post(
        url(),
        {"action": "add", "add-title": "Mental health support", "add-description": ""},
    )
    pledge = Pledge.objects.get(officer=world.alice)
    assertRedirects(response, url(pledge) + "#suggestions", fetch_redirect_response=False)
    assertContains(client.get(url(pledge)), "Peer mental health support")


def test_search_covers_the_officers_language_and_english_without_duplicates(world):
    german = Locale.objects.get(language_code="de")
    de_registry = world.registry.copy_for_translation(german, copy_parents=True, alias=True)
    # The English project has a German version (same translation key) ...
    world.peer.copy_for_translation(german, alias=True)
    # ... and one project exists only in German.
    de_only = ProjectPage(
        title="Beratung zur psychischen Gesundheit",
        summary="Mental health Beratung für Studierende in Prüfungszeiten.",
        locale=german,
    )
    de_registry.add_child(instance=de_only)
    de_only.save_revision().publish()
    found, _degraded = search_projects("mental health", "de")
    keys = [page.translation_key for page in found]
    assert len(keys) == len(set(keys))
    assert world.peer.translation_key in keys
    assert de_only.translation_key in keys
    # English-only readers do not get the German-only project.
    found_en, _degraded = search_projects("mental health", "en")
    assert de_only.translation_key not in [p.translation_key for p in found_en]


def test_linking_unlinking_and_new_initiative(client, world):
    pledge = make_pledge(world)
    response = client.post(url(pledge), {"action": "link", "project": world.peer.pk})
    assertRedirects(response, url(pledge) + "#linked", fetch_redirect_response=False)
    assert list(pledge.projects.all()) == [world.peer]
    # Linked projects are not suggested again.
    suggestions, _ = suggest_for_pledge(pledge)
    assert world.peer.pk not in [p.pk for p in suggestions]
    # A pledge that builds on a project is not a new initiative.
    response = client.post(url(pledge), {"action": "new_initiative"})
    assertContains(response, "Unlink them first", status_code=400)
    client.post(url(pledge), {"action": "unlink", "project": world.peer.pk})
    assert not pledge.projects.exists()
    client.post(url(pledge), {"action": "new_initiative"})
    pledge.refresh_from_db()
    assert pledge.is_new_initiative
    # Linking a project later clears it.
    client.post(url(pledge), {"action": "link", "project": world.library.pk})
    pledge.refresh_from_db()
    assert not pledge.is_new_initiative


def test_linking_an_unpublished_or_unknown_project_is_refused(client, world):
    pledge = make_pledge(world)
    world.careers.unpublish()
    for value in (world.careers.pk, "999999", "abc", ""):
        response = client.post(url(pledge), {"action": "link", "project": value})
        assertContains(response, "could not be found", status_code=400)
    assert not pledge.projects.exists()


def test_searching_the_registry_from_a_pledge(client, world):
    pledge = make_pledge(world)
    response = client.get(url(pledge), {"q": "careers"})
    assert [p.pk for p in response.context["results"]] == [world.careers.pk]
    response = client.get(url(pledge), {"q": '" * ( ) & | ! :'})
    assert response.status_code == 200


# --- Status and updates --------------------------------------------------------------


def test_status_update_is_dated_and_dropping_needs_a_reason(client, world):
    pledge = make_pledge(world)
    response = client.post(
        url(pledge),
        {"action": "status", "status-status": "in_progress", "status-note": "Met the SU"},
    )
    assertRedirects(response, url(pledge) + "#updates", fetch_redirect_response=False)
    update = PledgeUpdate.objects.get(pledge=pledge)
    assert (update.status, update.note) == ("in_progress", "Met the SU")
    assert update.created_at is not None

    response = client.post(
        url(pledge), {"action": "status", "status-status": "dropped", "status-note": ""}
    )
    assertContains(response, "Say why the pledge was dropped.", status_code=400)
    assertContains(response, 'href="#id_status-dropped_reason"', status_code=400)
    pledge.refresh_from_db()
    assert pledge.status == "in_progress"

    client.post(
        url(pledge),
        {
            "action": "status",
            "status-status": "dropped",
            "status-dropped_reason": "The budget went to the food bank.",
        },
    )
    pledge.refresh_from_db()
    assert pledge.status == "dropped"
    assert pledge.dropped_reason == "The budget went to the food bank."
    assert pledge.updates.count() == 2


def test_an_update_without_change_or_note_is_refused(client, world):
    pledge = make_pledge(world)
    response = client.post(url(pledge), {"action": "status", "status-status": "not_started"})
    assertContains(response, "Change the status or write what happened.", status_code=400)
    assert not PledgeUpdate.objects.exists()


def test_pledge_form_errors_are_explained(client, world):
    response = client.post(url(), {"action": "add", "add-title": ""})
    assertContains(response, "This field is required.")
    assertContains(response, 'aria-invalid="true"')
    assertContains(response, 'aria-describedby="id_add-title_error')
    assert not Pledge.objects.exists()


def test_errors_are_in_the_readers_language(client, world):
    german = Locale.objects.get(language_code="de")
    world.ind.hub.copy_for_translation(german, copy_parents=True, alias=True)
    response = client.post("/de/induction/manifesto/", {"action": "add", "add-title": ""})
    assertContains(response, "Dieses Feld muss ausgefüllt werden.")
    assert not Pledge.objects.exists()


def test_delete_needs_confirmation(client, world):
    pledge = make_pledge(world)
    assertContains(client.get(url(pledge, "delete/")), "cannot be undone")
    client.post(url(pledge, "delete/"))
    assert not Pledge.objects.filter(pk=pledge.pk).exists()


# --- Privacy and the public tracker --------------------------------------------------


def test_other_officers_cannot_see_or_change_a_pledge(client, world):
    pledge = make_pledge(world, title="Alice's secret plan")
    client.force_login(world.bob)
    assert client.get(url(pledge)).status_code == 404
    for data in (
        {"action": "link", "project": world.peer.pk},
        {"action": "status", "status-status": "achieved", "status-note": "x"},
    ):
        assert client.post(url(pledge), data).status_code == 404
    assert client.post(url(pledge, "delete/")).status_code == 404
    assertNotContains(client.get(url()), "Alice's secret plan")
    pledge.refresh_from_db()
    assert pledge.status == "not_started"
    assert not pledge.projects.exists()


def test_people_without_a_term_have_no_manifesto(client, world):
    client.logout()
    assert client.get(url()).status_code == 302
    from tests.factories import make_user

    client.force_login(make_user(groups=["Staff"]))
    assert client.get(url()).status_code == 404


def test_tracker_is_private_until_published(client, world):
    pledge = make_pledge(world, description="Peer support in every school.")
    pledge.projects.add(world.peer, world.careers)
    world.careers.unpublish()
    PledgeUpdate.objects.create(pledge=pledge, status="in_progress", note="First meeting")
    tracker = ManifestoTracker.for_user(world.alice)
    public_url = f"/en/induction/officers/{tracker.slug}/"
    client.logout()
    assert client.get(public_url).status_code == 404

    client.force_login(world.alice)
    client.post(
        url(),
        {"action": "tracker", "tracker-is_public": "on", "tracker-intro": "What I promised."},
    )
    tracker.refresh_from_db()
    assert tracker.is_public
    assert tracker.published_at is not None
    client.logout()
    page = client.get(public_url)
    assertContains(page, "Alice Adeyemi")
    assertContains(page, "Mental health support on every campus")
    assertContains(page, "Peer mental health support network")
    assertNotContains(page, "Accessible careers fair")  # unpublished project
    assertContains(page, "First meeting")
    assertContains(page, "VP Welfare")
    assertContains(client.get("/en/induction/"), public_url)


def test_tracker_slugs_are_unique(world):
    first = ManifestoTracker.for_user(world.alice)
    world.alice.display_name = "Bob Berger"
    world.alice.save()
    second = ManifestoTracker.for_user(world.bob)
    assert first.slug != second.slug
    assert ManifestoTracker.for_user(world.bob) == second
