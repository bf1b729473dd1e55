"""Demo induction: roles, the coming July's programme with its modules and a week of sessions,
two incoming officers with terms and pledges, and an outgoing officer's handover.

Runs after ``projects.demo`` (INSTALLED_APPS order), so pledges and the handover can point at
registry projects; any project missing from the registry is simply not linked. Idempotent.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from hub.blocks import BodyBlock
from hub.demo import DEMO_PASSWORD
from hub.models import Unit
from induction import demo_content as content
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


def ensure_roles(ctx):
    units = {unit.slug: unit for unit in Unit.objects.filter(locale=ctx.locale)}
    seat_block = SeatBlock()
    roles = {}
    for slug, name, order, remit, seats, unit_slugs in content.ROLES:
        role = OfficerRole.objects.filter(slug=slug, locale=ctx.locale).first()
        if role is None:
            role = OfficerRole(
                slug=slug,
                name=name,
                sort_order=order,
                remit=remit,
                locale=ctx.locale,
                seats=[
                    (
                        "seat",
                        seat_block.to_python(
                            {"body": body, "kind": kind, "what_it_decides": what, "meets": meets}
                        ),
                    )
                    for body, kind, what, meets in seats
                ],
            )
            role.partner_units = [units[s] for s in unit_slugs if s in units]
            role.save()
            ctx.count("officer role")
        roles[slug] = role
    return roles


def ensure_hub(ctx):
    hub = InductionIndexPage.objects.child_of(ctx.home).filter(slug="induction").first()
    if hub is None:
        hub = InductionIndexPage(
            title="Officer induction",
            slug="induction",
            intro=content.HUB_INTRO,
            show_in_menus=True,
        )
        ctx.home.add_child(instance=hub)
        hub.save_revision().publish()
        ctx.count("induction hub")
    return hub


def _schedule(year):
    first = datetime.date(year, 7, 1)
    monday = first + datetime.timedelta(days=(7 - first.weekday()) % 7)
    return ScheduleBlock().to_python(
        [
            {
                "type": "session",
                "value": {
                    "title": title,
                    "date": (monday + datetime.timedelta(days=offset)).isoformat(),
                    "start_time": start,
                    "end_time": end,
                    "location": place,
                    "online_url": online,
                    "description": description,
                    "roles": roles,
                },
            }
            for offset, start, end, title, place, online, roles, description in content.SESSIONS
        ]
    )


def ensure_programme(ctx, hub, year):
    programme = InductionProgrammePage.objects.child_of(hub).filter(year=year).first()
    if programme is None:
        programme = InductionProgrammePage(
            title=f"Induction {year}",
            slug=str(year),
            year=year,
            starts_on=datetime.date(year, 7, 1),
            ends_on=datetime.date(year, 7, 31),
            time_zone="Europe/Brussels",
            intro=content.PROGRAMME_INTRO,
            body=BodyBlock().to_python(
                [{"type": "paragraph", "value": html} for html in content.PROGRAMME_BODY]
            ),
            schedule=_schedule(year),
        )
        hub.add_child(instance=programme)
        programme.save_revision().publish()
        ctx.count("induction programme")
    return programme


def _lessons(blocks):
    return LessonBlock().to_python([{"type": kind, "value": value} for kind, value in blocks])


def ensure_modules(ctx, programme, roles):
    existing = {page.slug: page for page in TrainingModulePage.objects.child_of(programme)}
    modules = {}
    for spec in content.MODULES:
        module = existing.get(spec["slug"])
        if module is None:
            module = TrainingModulePage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                estimated_minutes=spec["minutes"],
                due_date=programme.starts_on + datetime.timedelta(days=spec["due"] - 1),
                prerequisite=modules.get(spec.get("prerequisite")),
                lessons=_lessons(spec["lessons"]),
            )
            programme.add_child(instance=module)
            module.target_roles = [roles[slug] for slug in spec.get("roles", [])]
            module.save_revision().publish()
            module.refresh_from_db()
            ctx.count("training module")
        modules[spec["slug"]] = module
    return modules


def ensure_outgoing_user(ctx):
    user_model = get_user_model()
    spec = content.OUTGOING
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
    for title, description, status, linked, new_initiative, note in specs:
        if Pledge.objects.filter(officer=user, title=title).exists():
            continue
        pledge = Pledge.objects.create(
            officer=user,
            title=title,
            description=description,
            status=status,
            is_new_initiative=new_initiative,
        )
        pledge.projects.set([projects[t] for t in linked if t in projects])
        if note:
            PledgeUpdate.objects.create(pledge=pledge, status=status, note=note)
        ctx.count("pledge")


def ensure_handover(ctx, term, projects):
    if Handover.objects.filter(term=term).exists():
        return
    spec = content.HANDOVER
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
    for title, note in spec["projects"]:
        if title in projects:
            HandoverProject.objects.create(handover=handover, project=projects[title], note=note)
    for name, role, email, why in spec["contacts"]:
        HandoverContact.objects.create(
            handover=handover, name=name, role=role, email=email, why=why
        )
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
    year = coming_july()
    roles = ensure_roles(ctx)
    hub = ensure_hub(ctx)
    programme = ensure_programme(ctx, hub, year)
    modules = ensure_modules(ctx, programme, roles)
    projects = _projects_by_title(ctx)

    officer, officer2 = ctx.users.get("officer"), ctx.users.get("officer2")
    outgoing = ensure_outgoing_user(ctx)
    outgoing_term = ensure_term(ctx, outgoing, roles["vp-welfare"], year - 1)
    if officer is not None:
        ensure_term(ctx, officer, roles["vp-welfare"], year)
        ensure_pledges(ctx, officer, content.PLEDGES["officer"], projects)
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
        ensure_pledges(ctx, officer2, content.PLEDGES["officer2"], projects)
    ensure_pledges(ctx, outgoing, content.PLEDGES["outgoing"], projects)
    ensure_membership(
        outgoing, projects, ["Peer mental health support network", "Monthly student wellbeing poll"]
    )
    ensure_handover(ctx, outgoing_term, projects)
