"""Small builders for test data. They raise on bad input; they never skip silently."""

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


def make_site():
    """The page tree every test starts from: a home page and the registry, on the default site."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in Page.objects.filter(depth=2):  # Wagtail's "Welcome" page
        page.delete()
    root.refresh_from_db()
    home = make_page(root, HomePage, title="Home", slug="home", intro="Welcome")
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    registry = make_page(
        home, ProjectIndexPage, title="Projects", slug="projects", show_in_menus=True
    )
    return home, registry


def make_project(registry, **fields):
    fields.setdefault("summary", "A project that students and staff run together.")
    fields.setdefault("status", ProjectPage.Status.ACTIVE)
    fields.setdefault("stage", ProjectPage.Stage.SUCCESS)
    fields.setdefault("start_date", datetime.date(2025, 9, 1))
    return make_page(registry, ProjectPage, **fields)
