"""Demo induction: roles, the coming July's programme with its modules and a week of sessions,
two incoming officers with terms and pledges, and an outgoing officer's handover.

Runs after ``projects.demo`` (INSTALLED_APPS order), so pledges and the handover can point at
registry projects; any project missing from the registry is simply not linked. Idempotent.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from demo.content import induction
from hub.blocks import BodyBlock
from hub.demo import DEMO_PASSWORD
from hub.models import Unit
from induction.blocks import LessonBlock, ScheduleBlock, SeatBlock
from induction.models import (
    Handover,
    HandoverContact,
    HandoverProject,
    InductionIndexPage,
    InductionProgrammePage,
    ManifestoTracker,
    ModuleProgress,
    OfficerRole,
    OfficerTerm,
    Pledge,
    PledgeUpdate,
    TrainingModulePage,
)
from induction.progress import officer_for, save_checklist, submit_quiz


def coming_july(today=None):
    """The year of the next induction: this July if it has not started, else next year's."""
    today = today or timezone.localdate()
    return today.year if today < datetime.date(today.year, 7, 1) else today.year + 1


def ensure_roles(ctx, specs):
    units = {unit.slug: unit for unit in Unit.objects.filter(locale=ctx.locale)}
    seat_block = SeatBlock()
    roles = {}
    for spec in specs:
        slug = spec["slug"]
        role = OfficerRole.objects.filter(slug=slug, locale=ctx.locale).first()
        if role is None:
            role = OfficerRole(
                slug=slug,
                name=spec["name"],
                sort_order=spec["order"],
                remit=spec["remit"],
                locale=ctx.locale,
                seats=[("seat", seat_block.to_python(seat)) for seat in spec["seats"]],
            )
            role.partner_units = [units[s] for s in spec["partner_units"] if s in units]
            role.save()
            ctx.count("officer role")
        roles[slug] = role
    return roles


def ensure_hub(ctx, intro):
    hub = InductionIndexPage.objects.child_of(ctx.home).filter(slug="induction").first()
    if hub is None:
        hub = InductionIndexPage(
            title="Officer induction",
            slug="induction",
            intro=intro,
            show_in_menus=True,
        )
        ctx.home.add_child(instance=hub)
        hub.save_revision().publish()
        ctx.count("induction hub")
    return hub


def _schedule(year, sessions):
    first = datetime.date(year, 7, 1)
    monday = first + datetime.timedelta(days=(7 - first.weekday()) % 7)
    return ScheduleBlock().to_python(
        [
            {
                "type": "session",
                "value": {
                    "title": session["title"],
                    "date": (monday + datetime.timedelta(days=session["day"])).isoformat(),
                    "start_time": session["start_time"],
                    "end_time": session["end_time"],
                    "location": session["location"],
                    "online_url": session["online_url"],
                    "description": session["description"],
                    "roles": session["roles"],
                },
            }
            for session in sessions
        ]
    )


def ensure_programme(ctx, hub, year, data):
    programme = InductionProgrammePage.objects.child_of(hub).filter(year=year).first()
    if programme is None:
        programme = InductionProgrammePage(
            title=f"Induction {year}",
            slug=str(year),
            year=year,
            starts_on=datetime.date(year, 7, 1),
            ends_on=datetime.date(year, 7, 31),
            time_zone="Europe/Brussels",
            intro=data["programme"]["intro"],
            body=BodyBlock().to_python(
                [{"type": "paragraph", "value": html} for html in data["programme"]["body"]]
            ),
            schedule=_schedule(year, data["sessions"]),
        )
        hub.add_child(instance=programme)
        programme.save_revision().publish()
        ctx.count("induction programme")
    return programme


def ensure_modules(ctx, programme, roles, specs):
    existing = {page.slug: page for page in TrainingModulePage.objects.child_of(programme)}
    modules = {}
    for spec in specs:
        module = existing.get(spec["slug"])
        if module is None:
            module = TrainingModulePage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                estimated_minutes=spec["minutes"],
                due_date=programme.starts_on + datetime.timedelta(days=spec["due"] - 1),
                prerequisite=modules.get(spec.get("prerequisite")),
                lessons=LessonBlock().to_python(spec["lessons"]),
            )
            programme.add_child(instance=module)
            module.target_roles = [roles[slug] for slug in spec.get("roles", [])]
            module.save_revision().publish()
            module.refresh_from_db()
            ctx.count("training module")
        modules[spec["slug"]] = module
    return modules


def ensure_outgoing_user(ctx, spec):
    user_model = get_user_model()
    user = user_model.objects.filter(email=spec["email"]).first()
    if user is None:
        user = user_model(email=spec["email"], first_name=spec["first"], last_name=spec["last"])
        user.set_password(DEMO_PASSWORD)
        user.save()
        ctx.count("demo user")
    user.groups.add(Group.objects.get(name="Officers"))
    ctx.users["outgoing"] = user
    return user


def ensure_term(ctx, user, role, year):
    term, created = OfficerTerm.objects.get_or_create(
        user=user,
        role=role,
        starts_on=datetime.date(year, 7, 1),
        defaults={"ends_on": datetime.date(year + 1, 6, 30)},
    )
    ctx.count("officer term", int(created))
    return term


def _projects_by_title(ctx):
    from django.apps import apps

    project_model = apps.get_model("projects", "ProjectPage")
    return {page.title: page for page in project_model.objects.filter(locale=ctx.locale)}


def ensure_pledges(ctx, user, specs, projects):
    for spec in specs:
        if Pledge.objects.filter(officer=user, title=spec["title"]).exists():
            continue
        pledge = Pledge.objects.create(
            officer=user,
            title=spec["title"],
            description=spec["description"],
            status=spec["status"],
            is_new_initiative=spec["new_initiative"],
        )
        pledge.projects.set([projects[t] for t in spec["projects"] if t in projects])
        if spec["note"]:
            PledgeUpdate.objects.create(pledge=pledge, status=spec["status"], note=spec["note"])
        ctx.count("pledge")


def ensure_handover(ctx, term, projects, spec):
    if Handover.objects.filter(term=term).exists():
        return
    handover = Handover.objects.create(
        term=term,
        author=term.user,
        status=Handover.Status.SUBMITTED,
        submitted_at=timezone.now(),
        overview=spec["overview"],
        pledges_note=spec["pledges_note"],
        pending_decisions=spec["pending_decisions"],
        advice=spec["advice"],
    )
    for item in spec["projects"]:
        if item["title"] in projects:
            project = projects[item["title"]]
            HandoverProject.objects.create(handover=handover, project=project, note=item["note"])
    for contact in spec["contacts"]:
        HandoverContact.objects.create(handover=handover, **contact)
    handover.unfinished_pledges.set(
        Pledge.objects.filter(officer=term.user).exclude(status=Pledge.Status.ACHIEVED)
    )
    ctx.count("handover")


def ensure_membership(user, projects, titles):
    from django.apps import apps

    member_model = apps.get_model("projects", "ProjectMember")
    for title in titles:
        if title in projects:
            member_model.objects.get_or_create(
                project=projects[title], user=user, defaults={"role": "Student officer"}
            )


def ensure_progress(ctx, user, modules):
    """The first officer has worked through the first two modules, to show a dashboard in
    use. Uses the same services as the site, so the rules apply."""
    if officer_for(user) is None or ModuleProgress.objects.filter(user=user).exists():
        return
    for slug in ("the-union-and-its-partners", "how-the-institution-decides"):
        module = modules[slug]
        for block in module.lessons:
            if block.block_type == "checklist":
                items = [item.id for item in block.value["items"].bound_blocks]
                save_checklist(user, module, block.id, items)
            elif block.block_type == "quiz":
                selections = {
                    question.id: [
                        answer.id
                        for answer in question.value["answers"].bound_blocks
                        if answer.value["is_correct"]
                    ]
                    for question in block.value["questions"].bound_blocks
                }
                submit_quiz(user, module, block.id, selections)
    ctx.count(
        "module completed",
        ModuleProgress.objects.filter(user=user, completed_at__isnull=False).count(),
    )


def load(ctx):
    data = induction()
    year = coming_july()
    roles = ensure_roles(ctx, data["roles"])
    hub = ensure_hub(ctx, data["hub"]["intro"])
    programme = ensure_programme(ctx, hub, year, data)
    modules = ensure_modules(ctx, programme, roles, data["modules"])
    projects = _projects_by_title(ctx)

    officer, officer2 = ctx.users.get("officer"), ctx.users.get("officer2")
    outgoing = ensure_outgoing_user(ctx, data["outgoing"])
    outgoing_term = ensure_term(ctx, outgoing, roles["vp-welfare"], year - 1)
    if officer is not None:
        ensure_term(ctx, officer, roles["vp-welfare"], year)
        ensure_pledges(ctx, officer, data["pledges"]["officer"], projects)
        ensure_membership(officer, projects, ["Peer mental health support network"])
        tracker = ManifestoTracker.for_user(officer)
        if not tracker.is_public:
            tracker.is_public = True
            tracker.published_at = timezone.now()
            tracker.intro = (
                "What I promised as your welfare officer, and how each promise is going."
            )
            tracker.save()
        ensure_progress(ctx, officer, modules)
    if officer2 is not None:
        ensure_term(ctx, officer2, roles["vp-education"], year)
        ensure_pledges(ctx, officer2, data["pledges"]["officer2"], projects)
    ensure_pledges(ctx, outgoing, data["pledges"]["outgoing"], projects)
    ensure_membership(
        outgoing, projects, ["Peer mental health support network", "Monthly student wellbeing poll"]
    )
    ensure_handover(ctx, outgoing_term, projects, data["handover"])
