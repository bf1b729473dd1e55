"""Demo registry: the index page and a few dozen realistic projects (from ``demo/data/``)."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from demo import content
from hub.blocks import BodyBlock
from hub.demo import ensure_taxonomies
from hub.models import Campus, Theme, Unit
from projects.demo_workflow import load_workflow_demo
from projects.models import ProjectIndexPage, ProjectPage

INDEX_INTRO = (
    "Every project the union and the institution are running together. Search and filter "
    "to find work you can join before you start something new."
)


def ensure_index(ctx):
    index = ProjectIndexPage.objects.child_of(ctx.home).filter(slug="projects").first()
    if index is None:
        index = ProjectIndexPage(
            title="Project registry", slug="projects", intro=INDEX_INTRO, show_in_menus=True
        )
        ctx.home.add_child(instance=index)
        index.save_revision().publish()
        ctx.count("registry page")
    staff = Group.objects.get(name="Staff")
    GroupPagePermission.objects.get_or_create(
        group=staff,
        page=index,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="add_page"
        ),
    )
    return index


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def load(ctx):
    ensure_taxonomies(ctx, content.taxonomies())
    index = ensure_index(ctx)
    themes = {t.slug: t for t in Theme.objects.filter(locale=ctx.locale)}
    units = {u.slug: u for u in Unit.objects.filter(locale=ctx.locale)}
    campuses = {c.slug: c for c in Campus.objects.filter(locale=ctx.locale)}
    existing = set(ProjectPage.objects.child_of(index).values_list("title", flat=True))
    leads = [ctx.users.get("staff"), ctx.users.get("staff2")]
    contacts = [ctx.users.get("officer"), ctx.users.get("officer2")]
    body_block = BodyBlock()
    for number, data in enumerate(content.projects()):
        if data["title"] in existing:
            continue
        project = ProjectPage(
            title=data["title"],
            summary=data["summary"],
            description=body_block.to_python(
                [{"type": "paragraph", "value": f"<p>{p}</p>"} for p in data["body"]]
            ),
            status=data["status"],
            stage=data["stage"],
            lead_unit=units[data["unit"]],
            start_date=_date(data["start"]),
            end_date=_date(data["end"]),
            open_to_officers=data["open"],
            how_officers_can_help=data["help"],
            outcomes=data["outcomes"],
            stopped_reason=data.get("stopped_reason", ""),
            last_confirmed_at=timezone.now(),
            staff_lead=leads[number % 2],
            union_contact=contacts[number % 2],
        )
        project.themes = [themes[slug] for slug in data["themes"]]
        project.campuses = [campuses[slug] for slug in data["campuses"]]
        index.add_child(instance=project)
        project.save_revision(user=project.staff_lead).publish()
        ctx.count("project")

    load_workflow_demo(ctx, index)
