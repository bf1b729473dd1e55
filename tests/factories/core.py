"""Builders for the foundation and the registry: users, pages, taxonomy, the site, projects."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from hub.models import Campus, HomePage, Theme, Unit
from projects.models import ProjectIndexPage, ProjectPage

_counter = itertools.count(1)


def make_user(email=None, groups=(), password="pass-word-123", **fields):
    email = email or f"user{next(_counter)}@example.org"
    user = get_user_model().objects.create_user(email=email, password=password, **fields)
    if groups:
        found = list(Group.objects.filter(name__in=groups))
        if len(found) != len(groups):
            raise ValueError(f"Unknown group in {groups!r}")
        user.groups.add(*found)
    return user


def make_page(parent, cls, **fields):
    """Create and publish a page of ``cls`` under ``parent``."""
    fields.setdefault("title", f"{cls.__name__} {next(_counter)}")
    m2m = {name: fields.pop(name) for name in ("themes", "campuses") if name in fields}
    page = cls(**fields)
    for name, values in m2m.items():
        setattr(page, name, values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_theme(slug, name=None, locale=None):
    return Theme.objects.create(
        slug=slug,
        name=name or slug.replace("-", " ").title(),
        locale=locale or Locale.get_default(),
    )


def make_unit(slug, name=None, locale=None):
    return Unit.objects.create(
        slug=slug,
        name=name or slug.replace("-", " ").title(),
        locale=locale or Locale.get_default(),
    )


def make_campus(slug, name=None, locale=None):
    return Campus.objects.create(
        slug=slug,
        name=name or slug.replace("-", " ").title(),
        locale=locale or Locale.get_default(),
    )


def make_taxonomy():
    """A few themes, units and campuses, by slug (the ``taxonomy`` fixture)."""
    return {
        "themes": {s: make_theme(s) for s in ("wellbeing", "feedback", "accessibility")},
        "units": {s: make_unit(s) for s in ("student-services", "library")},
        "campuses": {s: make_campus(s) for s in ("city-centre", "riverside")},
    }


def make_people():
    """One signed-up person per role (``staff2`` is a second, unrelated staff member)."""
    return {
        "staff": make_user("staff@example.org", groups=["Staff"], first_name="Sam"),
        "staff2": make_user("staff2@example.org", groups=["Staff"], first_name="Rui"),
        "officer": make_user("officer@example.org", groups=["Officers"], first_name="Olu"),
        "officer2": make_user("officer2@example.org", groups=["Officers"], first_name="Ines"),
        "moderator": make_user("moderator@example.org", groups=["Moderators"], first_name="Mo"),
        "editor": make_user("editor@example.org", groups=["Editors"], first_name="Edda"),
    }


def make_site():
    """The page tree every test starts from: a home page and the registry, on the default site.

    The test database's template holds this tree already (``tests/support/template_db.py``),
    so while it is as built, it is handed back rather than built again.
    """
    found = _baseline_site()
    if found is not None:
        return found
    clear_site()
    root = Page.get_first_root_node()
    home = make_page(root, HomePage, title="Home", slug="home", intro="Welcome")
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    registry = make_page(
        home, ProjectIndexPage, title="Projects", slug="projects", show_in_menus=True
    )
    return home, registry


def _baseline_site():
    """``(home, registry)`` if the tree is exactly what :func:`make_site` builds, else None."""
    tops = list(Page.objects.filter(depth=2).values_list("pk", flat=True))
    sites = list(Site.objects.values_list("root_page_id", "hostname", "port", "is_default_site"))
    if len(tops) != 1 or sites != [(tops[0], "localhost", 80, True)]:
        return None
    home = HomePage.objects.filter(pk=tops[0], slug="home", title="Home", live=True).first()
    if home is None or home.numchild != 1:
        return None
    registry = (
        ProjectIndexPage.objects.child_of(home)
        .filter(slug="projects", title="Projects", live=True, numchild=0)
        .first()
    )
    return None if registry is None else (home, registry)


def clear_site():
    """An empty page tree and no site, as before any home page exists (a fresh install has
    Wagtail's welcome page instead, which the demo removes the same way)."""
    Site.objects.all().delete()
    for page in Page.objects.filter(depth=2):
        page.delete()
    Page.get_first_root_node().refresh_from_db()


def make_project(registry, **fields):
    fields.setdefault("summary", "A project that students and staff run together.")
    fields.setdefault("status", ProjectPage.Status.ACTIVE)
    fields.setdefault("stage", ProjectPage.Stage.SUCCESS)
    fields.setdefault("start_date", datetime.date(2025, 9, 1))
    return make_page(registry, ProjectPage, **fields)


def project_form_data(**overrides):
    """POST data for the front-end project form (registration adds a fresh token)."""
    import uuid

    data = {
        "title": "Peer mentoring for commuter students",
        "summary": "Second-year students mentor first-years who travel in every day.",
        "description": "We pair mentors and mentees in the first week.\n\nThey meet monthly.",
        "status": ProjectPage.Status.PROPOSED,
        "stage": ProjectPage.Stage.SUCCESS,
        "start_date": "",
        "end_date": "",
        "lead_unit": "",
        "union_contact": "",
        "open_to_officers": "on",
        "how_officers_can_help": "Promote the scheme at induction.",
        "outcomes": "",
        "stopped_reason": "",
        "token": str(uuid.uuid4()),
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_draft_project(registry, user, **overrides):
    """A project registered through the front-end service: a draft in review."""
    from projects.forms import RegistrationForm
    from projects.registration import register_project

    form = RegistrationForm(project_form_data(**overrides), locale=registry.locale)
    if not form.is_valid():
        raise ValueError(form.errors.as_json())
    return register_project(registry, user, form.cleaned_data).project
