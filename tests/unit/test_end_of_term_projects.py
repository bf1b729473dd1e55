"""When a term ends: only projects left without a lead are flagged, and the officer becomes a
dated former member."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from induction.models import OfficerTerm
from projects.models import ProjectMember, ProjectPage
from tests.factories import build_induction, make_project, make_site, make_user


@pytest.fixture
def ended(db):
    home, registry = make_site()
    ind = build_induction(home)
    carol = ind.users["carol"]
    staff = make_user("lead@example.org", groups=["Staff"], display_name="Sam Staff")
    projects = {
        "alone": make_project(registry, title="Carol leads alone", union_contact=carol),
        "shared": make_project(
            registry, title="Carol leads with staff", union_contact=carol, staff_lead=staff
        ),
        "joined": make_project(registry, title="Carol joined", staff_lead=staff),
    }
    ProjectMember.objects.create(project=projects["joined"], user=carol, role="Officer")
    term = ind.terms["carol"]
    last_day = timezone.localdate() - datetime.timedelta(days=1)
    OfficerTerm.objects.filter(pk=term.pk).update(ends_on=last_day)
    call_command("end_terms", verbosity=0)
    return {"carol": carol, "projects": projects, "last_day": last_day, "registry": registry}


def flagged():
    return set(ProjectPage.objects.filter(needs_new_lead=True).values_list("title", flat=True))


def test_only_projects_left_without_any_lead_are_flagged(ended):
    assert flagged() == {"Carol leads alone"}


def test_the_former_officer_is_a_dated_former_member(ended, client):
    member = ProjectMember.objects.get(user=ended["carol"])
    assert member.left_on == ended["last_day"]
    html = client.get(ended["projects"]["joined"].url).content.decode()
    team = html.split('id="team-heading"')[1].split("</section>")[0]
    assert "Former members:" in team
    assert "Carol Costa (until" in team
    assert "<li>Carol Costa" not in team


def test_needs_a_new_lead_shows_on_the_page_and_as_a_registry_filter(ended, client):
    html = client.get(ended["projects"]["alone"].url).content.decode()
    assert "Needs a new lead" in html
    response = client.get(ended["registry"].url + "?lead=needed")
    assert {p.title for p in response.context["registry"].projects} == {"Carol leads alone"}
    assert "Needs a new lead" in response.content.decode()


def test_a_former_member_can_join_again(ended, client):
    from projects.joining import refusal

    project = ended["projects"]["joined"]
    assert refusal(ended["carol"], project) != "You are already a member of this project."
