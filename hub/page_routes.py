"""Sub-pages of routable pages, declared beside their views as a URLconf is.

A page such as the induction hub answers its own address and sub-addresses below it
(``/en/induction/manifesto/``, ``/en/projects/mine/``), each served by a view. Written as
``@path`` methods on the page model, the model module must import its views, and the views
import models: the circle a reader cannot see until an import fails. Here the direction is
Django's usual one (routes → views → models):

* the page model mixes in :class:`ViewRoutesMixin` (Wagtail's ``RoutablePageMixin``) and names
  no view;
* the app's ``page_urls`` module lists the routes with :func:`page_path`, a view per route
  called as ``view(request, page, *args)``, and hands them to the page class with
  :func:`routes`;
* the app's ``AppConfig.ready()`` imports that module, so the routes are in place before the
  first request, the system checks and the first ``reverse_subpage``.

Wagtail resolves, reverses and serves them exactly like ``@path`` methods (which a page may
still define for what it renders itself: its listing, feed or exports); declared routes are
matched first. A ``csrf_exempt`` view stays exempt (:func:`hub.routing.serve` reads the
flag). The check ``hub.E001`` names any page class using the mixin that was given no routes.
"""

from __future__ import annotations

import functools

from django.apps import apps
from django.core import checks
from django.urls import path as django_path
from wagtail.contrib.routable_page.models import RoutablePageMixin


class ViewRoutesMixin(RoutablePageMixin):
    """A routable page whose sub-pages are the views its app's ``page_urls`` gives it."""

    #: Set by :func:`routes`, per page class (subclasses inherit their parents' routes).
    view_routes: tuple = ()

    @classmethod
    def get_subpage_urls(cls):
        declared = []
        for klass in cls.__mro__:
            declared.extend(klass.__dict__.get("view_routes", ()))
        return (*declared, *super().get_subpage_urls())


def page_path(route, view, name):
    """A page route (Django's ``path()`` syntax, relative to the page) served by
    ``view(request, page, *args, **kwargs)``; ``name`` is what ``reverse_subpage`` takes."""

    @functools.wraps(view)  # keeps the view's name and flags such as csrf_exempt
    def serve(page, request, *args, **kwargs):
        return view(request, page, *args, **kwargs)

    return django_path(route, serve, name=name)


def routes(page_class, patterns):
    """Give ``page_class`` its routes: ``patterns`` made with :func:`page_path`."""
    if not issubclass(page_class, ViewRoutesMixin):
        raise TypeError(f"{page_class.__name__} does not take view routes (ViewRoutesMixin).")
    page_class.view_routes = tuple(patterns)


def pages_without_routes(models):
    """The classes among ``models`` that take view routes but were given none."""
    return [
        model
        for model in models
        if issubclass(model, ViewRoutesMixin)
        and not getattr(getattr(model, "_meta", None), "abstract", False)
        and not any(klass.__dict__.get("view_routes") for klass in model.__mro__)
    ]


@checks.register(checks.Tags.urls)
def check_view_routes(app_configs=None, **kwargs):
    """hub.E001: a page class that takes view routes but was given none (its sub-pages would
    answer 404: its app's ``ready()`` does not import its ``page_urls``)."""
    return [
        checks.Error(
            f"{model.__name__} takes view routes but has none.",
            hint="Import the app's page_urls module in its AppConfig.ready().",
            obj=model,
            id="hub.E001",
        )
        for model in pages_without_routes(apps.get_models())
    ]
