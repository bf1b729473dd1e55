"""The registry's own pages for people (registering, "My projects", saved searches, join
requests, a project's dashboard) and the views that serve them (see :mod:`hub.page_routes`).

Imported by ``ProjectsConfig.ready()``. Link to them with :func:`projects.routes.registry_url`
(``{% registry_url 'mine' %}``); their first path segments are slugs no project may take
(:func:`projects.routes.route_slugs`). The registry page's exports and feed are ``@path``
methods of its own.
"""

import hub.inputs  # noqa: F401 (registers the <id:…> path converter)
from hub.page_routes import page_path, routes
from projects.models.registry import ProjectIndexPage
from projects.views import alerts, manage, membership, mine, register

routes(
    ProjectIndexPage,
    [
        page_path("register/", register.register, name="register"),
        page_path("register/similar/", register.similar, name="similar"),
        page_path("mine/", mine.mine, name="mine"),
        page_path("alerts/save/", alerts.save, name="save-search"),
        page_path("alerts/<id:pk>/", alerts.change, name="saved-search"),
        page_path("alerts/<id:pk>/delete/", alerts.delete, name="delete-saved-search"),
        page_path("alerts/unsubscribe/<str:token>/", alerts.unsubscribe, name="unsubscribe"),
        page_path("requests/", mine.requests_inbox, name="requests"),
        page_path("requests/<id:pk>/", membership.request_detail, name="request"),
        page_path("requests/<id:pk>/accept/", membership.accept, name="accept"),
        page_path("requests/<id:pk>/decline/", membership.decline, name="decline"),
        page_path("requests/<id:pk>/withdraw/", membership.withdraw, name="withdraw"),
        page_path("manage/<id:pk>/", manage.manage, name="manage"),
        page_path("manage/<id:pk>/edit/", manage.edit, name="edit"),
        page_path(
            "manage/<id:pk>/withdraw-review/", manage.withdraw_review, name="withdraw-review"
        ),
        page_path("manage/<id:pk>/confirm/", manage.confirm, name="confirm"),
        page_path("manage/<id:pk>/publish/", manage.publish, name="publish"),
        page_path(
            "manage/<id:pk>/request-changes/", manage.request_changes, name="request-changes"
        ),
        page_path("manage/<id:pk>/join/", membership.join, name="join"),
        page_path(
            "manage/<id:pk>/members/<id:member_pk>/remove/",
            membership.remove_member,
            name="remove-member",
        ),
    ],
)
