"""Personal data export and erasure, page-type rules, and editing in the admin."""

import copy
import datetime
from types import SimpleNamespace

import pytest
from pytest_django.asserts import assertContains
from wagtail.models import Locale

from hub import personal_data
from hub.models import HomePage
from induction.models import (
    CalendarToken,
    ChecklistTick,
    Handover,
    InductionIndexPage,
    InductionProgrammePage,
    ManifestoTracker,
    ModuleProgress,
    OfficerRole,
    OfficerTerm,
    Pledge,
    PledgeUpdate,
    QuizAttempt,
    TrainingModulePage,
)
from tests.factories import build_induction, checklist_post, correct_quiz_post, make_site, make_user
from tests.support.shared_data import module_transaction


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            home, _registry = make_site()
            world = SimpleNamespace(
                ind=build_induction(home),
                admin=make_user("root@example.org", is_superuser=True, is_staff=True),
            )
        yield world


@pytest.fixture
def world(_world, db):
    """The site, the induction hub (``world.ind``) and a superuser; a copy per test."""
    return copy.deepcopy(_world)


# --- Personal data -------------------------------------------------------------------------


@pytest.fixture
def submitted(client, world):
    """Alice's progress, pledge, tracker and calendar token; returns Carol's submitted
    handover."""
    alice = world.ind.users["alice"]
    first = world.ind.modules["first"]
    client.force_login(alice)
    client.post(first.url + "progress/", checklist_post(first))
    client.post(first.url + "progress/", correct_quiz_post(first))
    pledge = Pledge.objects.create(officer=alice, title="Longer library hours")
    PledgeUpdate.objects.create(pledge=pledge, status="in_progress", note="Asked the library")
    ManifestoTracker.for_user(alice)
    CalendarToken.objects.create(user=alice)
    carol = world.ind.users["carol"]
    return Handover.objects.create(
        term=world.ind.terms["carol"], author=carol, status="submitted", advice="Be bold"
    )


def test_induction_registers_with_the_personal_data_registry(world, submitted):
    assert "induction" in personal_data.providers()


def test_export_holds_the_officers_own_data(world, submitted):
    data = personal_data.export_user_data(world.ind.users["alice"])["induction"]
    assert data["terms"][0]["role"] == "VP Welfare"
    assert len(data["checklist_ticks"]) == 2
    assert data["quiz_attempts"][0]["passed"]
    assert data["pledges"][0]["title"] == "Longer library hours"
    assert data["pledges"][0]["updates"][0]["note"] == "Asked the library"
    assert data["calendar_feed"]
    carol_data = personal_data.export_user_data(world.ind.users["carol"])["induction"]
    assert carol_data["handovers_written"][0]["advice"] == "Be bold"
    assert carol_data["pledges"] == []


def test_erasure_removes_personal_records_and_keeps_what_others_rely_on(world, submitted):
    alice, carol = world.ind.users["alice"], world.ind.users["carol"]
    personal_data.erase_user_data(alice)
    for model in (ChecklistTick, QuizAttempt, ModuleProgress):
        assert not model.objects.filter(user=alice).exists(), model
    assert not Pledge.objects.filter(officer=alice).exists()
    assert not CalendarToken.objects.filter(user=alice).exists()
    assert not ManifestoTracker.objects.filter(user=alice).exists()
    term = OfficerTerm.objects.get(pk=world.ind.terms["alice"].pk)
    assert term.user is None

    draft = Handover.objects.create(
        term=OfficerTerm.objects.create(
            user=carol,
            role=world.ind.roles["president"],
            starts_on=datetime.date(2000, 7, 1),
            ends_on=datetime.date(2001, 6, 30),
        ),
        author=carol,
    )
    personal_data.erase_user_data(carol)
    assert not Handover.objects.filter(pk=draft.pk).exists()
    submitted.refresh_from_db()
    assert submitted.author is None
    assert submitted.advice == "Be bold"


# --- Page types and the admin -------------------------------------------------------------


def test_page_tree_rules(world):
    assert InductionIndexPage in HomePage.allowed_subpage_models()
    assert InductionProgrammePage in InductionIndexPage.allowed_subpage_models()
    assert TrainingModulePage in InductionProgrammePage.allowed_subpage_models()
    assert TrainingModulePage not in HomePage.allowed_subpage_models()
    assert TrainingModulePage not in InductionIndexPage.allowed_subpage_models()
    assert TrainingModulePage not in TrainingModulePage.allowed_subpage_models()


def test_admin_edit_forms_render(client, world):
    client.force_login(world.admin)
    for page in (world.ind.hub, world.ind.programme, world.ind.modules["first"]):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page
    response = client.get(
        f"/admin/pages/add/induction/trainingmodulepage/{world.ind.programme.pk}/"
    )
    assertContains(response, "VP Welfare")  # target roles as checkboxes


def test_editors_manage_roles_and_terms_in_the_admin(client, world):
    editor = make_user("editor@example.org", groups=["Editors"])
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/induction/officerrole/add/",
        {
            "name": "VP Sport",
            "slug": "vp-sport",
            "remit": "Sport for everyone.",
            "seats-count": "0",
            "sort_order": "6",
            "locale": Locale.get_default().pk,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    role = OfficerRole.objects.get(slug="vp-sport")
    user = make_user("new@example.org", groups=["Officers"])
    response = client.post(
        "/admin/snippets/induction/officerterm/add/",
        {"user": user.pk, "role": role.pk, "starts_on": "2030-07-01", "ends_on": "2030-06-01"},
    )
    assert response.status_code == 200
    assertContains(response, "A term must end after it starts.")
    response = client.post(
        "/admin/snippets/induction/officerterm/add/",
        {"user": user.pk, "role": role.pk, "starts_on": "2030-07-01", "ends_on": "2031-06-30"},
    )
    assert response.status_code == 302
    assert OfficerTerm.objects.filter(user=user, role=role).exists()


# --- Translation: editors translate pages with wagtail-localize; progress must carry across
# languages ----------------------------------------------------------------------------------


def test_translated_module_keeps_block_ids_and_shares_progress(
    client, django_capture_on_commit_callbacks, world
):
    from wagtail_localize.models import TranslationSource

    german = Locale.objects.get(language_code="de")
    # The German home and hub mirror the English ones (as load_demo's sync does) ...
    world.ind.hub.copy_for_translation(german, copy_parents=True, alias=True)
    # ... and the programme, a module and the roles are translated, each published
    # when its own transaction commits, as in the admin.
    for obj in (world.ind.programme, world.ind.modules["first"], *world.ind.roles.values()):
        with django_capture_on_commit_callbacks(execute=True):
            source, _created = TranslationSource.get_or_create_from_instance(obj)
            source.create_or_update_translation(german, fallback=True)
    english = TrainingModulePage.objects.get(pk=world.ind.modules["first"].pk)
    translated = english.get_translation(german)
    assert translated.live
    assert translated.alias_of_id is None
    assert translated.url.startswith("/de/")
    assert translated.checklist_item_ids == english.checklist_item_ids
    assert translated.quiz_ids == english.quiz_ids
    programme_de = world.ind.programme.get_translation(german).specific
    assert [s.id for s in programme_de.sessions()] == [s.id for s in world.ind.programme.sessions()]
    assert (
        OfficerRole.objects.get(locale=german, slug="vp-welfare").translation_key
        == world.ind.roles["vp-welfare"].translation_key
    )

    alice = world.ind.users["alice"]
    client.force_login(alice)
    response = client.post(translated.url + "progress/", checklist_post(translated))
    assert response.status_code == 302
    response = client.post(english.url + "progress/", correct_quiz_post(english))
    assert response.status_code == 302
    record = ModuleProgress.objects.get(user=alice)
    assert record.completed_at is not None  # German checklist + English quiz
