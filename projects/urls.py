"""The registry's own views, under the registry's path (``/en/projects/…``).

These paths are reserved: no project may use them as its slug (``RESERVED_SLUGS``).
"""

from django.urls import path

import hub.inputs  # noqa: F401 (registers the <id:…> path converter)
from projects.views import alerts, manage, membership, mine, register

app_name = "projects"

urlpatterns = [
    path("register/", register.register, name="register"),
    path("register/similar/", register.similar, name="similar"),
    path("mine/", mine.mine, name="mine"),
    path("alerts/save/", alerts.save, name="save-search"),
    path("alerts/<id:pk>/", alerts.change, name="saved-search"),
    path("alerts/<id:pk>/delete/", alerts.delete, name="delete-saved-search"),
    path("alerts/unsubscribe/<str:token>/", alerts.unsubscribe, name="unsubscribe"),
    path("requests/", mine.requests_inbox, name="requests"),
    path("requests/<id:pk>/", membership.request_detail, name="request"),
    path("requests/<id:pk>/accept/", membership.accept, name="accept"),
    path("requests/<id:pk>/decline/", membership.decline, name="decline"),
    path("requests/<id:pk>/withdraw/", membership.withdraw, name="withdraw"),
    path("manage/<id:pk>/", manage.manage, name="manage"),
    path("manage/<id:pk>/edit/", manage.edit, name="edit"),
    path("manage/<id:pk>/withdraw-review/", manage.withdraw_review, name="withdraw-review"),
    path("manage/<id:pk>/confirm/", manage.confirm, name="confirm"),
    path("manage/<id:pk>/publish/", manage.publish, name="publish"),
    path("manage/<id:pk>/request-changes/", manage.request_changes, name="request-changes"),
    path("manage/<id:pk>/join/", membership.join, name="join"),
    path(
        "manage/<id:pk>/members/<id:member_pk>/remove/",
        membership.remove_member,
        name="remove-member",
    ),
]
