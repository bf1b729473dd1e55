"""The demo induction loads on top of the foundation and the registry, and loads only once."""

import copy
import io

import pytest

from hub import demo as hub_demo
from induction import demo as induction_demo
from induction.blocks import checklist_item_ids, quiz_ids
from induction.matching import suggest_for_pledge
from induction.models import (
    Handover,
    InductionProgrammePage,
    ModuleProgress,
    OfficerRole,
    OfficerTerm,
    Pledge,
    TrainingModulePage,
)
from projects.models import ProjectIndexPage
from tests.factories import clear_site, make_page, make_project
from tests.support.shared_data import module_transaction

WELLBEING_SUMMARY = (
    "Trained student volunteers listen, offer peer support for mental health and point "
    "students to counselling."
)


def build_demo():
    clear_site()  # a fresh install's tree (the demo's home page takes the slug "home")
    ctx = hub_demo.DemoContext(stdout=io.StringIO())
    hub_demo.load(ctx)
    registry = make_page(ctx.home, ProjectIndexPage, title="Project registry", slug="projects")
    projects = {
        title: make_project(registry, title=title, summary=summary)
        for title, summary in [
            ("Peer mental health support network", WELLBEING_SUMMARY),
            ("Monthly student wellbeing poll", "A short monthly poll on how students cope."),
            ("'You said, we did' reporting to students", "Telling students what changed."),
            ("Library opening hours", "Longer opening in exam periods."),
        ]
    }
    induction_demo.load(ctx)
    return ctx, projects


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    """Loaded once for the module (``tests/support/shared_data.py``)."""
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            built = build_demo()
        yield built


@pytest.fixture
def demo(_demo, db):
    return copy.deepcopy(_demo)


def test_demo_programme_modules_and_sessions(demo):
    ctx, _projects = demo
    year = induction_demo.coming_july()
    programme = InductionProgrammePage.objects.get(year=year)
    assert programme.url == f"/en/induction/{year}/"
    sessions = programme.sessions()
    assert len(sessions) >= 10
    assert len({s.date for s in sessions}) == 5  # a week, Monday to Friday
    assert {s.date.weekday() for s in sessions} == {0, 1, 2, 3, 4}
    modules = list(TrainingModulePage.objects.child_of(programme))
    assert len(modules) >= 8
    for module in modules:
        text_blocks = [b for b in module.lessons if b.block_type == "text"]
        assert text_blocks, module.title
        assert checklist_item_ids(module.lessons), module.title
        assert quiz_ids(module.lessons), module.title
    assert OfficerRole.objects.count() >= 4
    assert {"president", "vp-education", "vp-welfare", "vp-activities"} <= set(
        OfficerRole.objects.values_list("slug", flat=True)
    )


def test_demo_officers_handover_and_pledges(demo, client):
    ctx, projects = demo
    officer, officer2, outgoing = ctx.users["officer"], ctx.users["officer2"], ctx.users["outgoing"]
    assert outgoing.email == "outgoing@demo.partnershiphub.eu"
    assert outgoing.check_password(hub_demo.DEMO_PASSWORD)
    assert OfficerTerm.objects.filter(user=officer).exists()
    assert OfficerTerm.objects.filter(user=officer2).exists()
    handover = Handover.objects.get(author=outgoing)
    assert handover.is_submitted
    assert handover.can_read(officer)
    assert not handover.can_read(officer2)
    assert handover.project_links.count() == 2
    pledge = Pledge.objects.get(officer=officer, title__startswith="Peer mental health")
    assert list(pledge.projects.all()) == [projects["Peer mental health support network"]]
    assert ModuleProgress.objects.filter(user=officer, completed_at__isnull=False).count() == 2

    client.force_login(officer)
    dashboard = client.get("/en/induction/")
    assert dashboard.status_code == 200
    content = dashboard.content.decode()
    assert "2 of 9 modules done" in content  # eight for everyone + one for welfare
    assert "Handover from Tomasz Nowak" in content
    client.force_login(officer2)
    assert "2 of" not in client.get("/en/induction/").content.decode()


def test_a_mental_health_pledge_finds_the_wellbeing_project(demo):
    ctx, projects = demo
    pledge = Pledge.objects.create(
        officer=ctx.users["officer2"],
        title="Mental health support",
        description="Better mental health support for students.",
    )
    suggestions, _degraded = suggest_for_pledge(pledge)
    assert suggestions[0] == projects["Peer mental health support network"]


def test_demo_loads_only_once(demo):
    ctx, _projects = demo
    counts = {
        model: model.objects.count()
        for model in (OfficerRole, OfficerTerm, Pledge, Handover, TrainingModulePage)
    }
    induction_demo.load(ctx)
    assert counts == {model: model.objects.count() for model in counts}
