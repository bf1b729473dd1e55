"""The registry's own views, under the registry's path (``/en/projects/…``).

These paths are reserved: no project may use them as its slug (``RESERVED_SLUGS``).
"""

from django.urls import path

import hub.inputs  # noqa: F401 (registers the <id:…> path converter)
from projects import views

app_name = "projects"

urlpatterns = [
    path("register/", views.register, name="register"),
    path("register/similar/", views.similar, name="similar"),
    path("mine/", views.mine, name="mine"),
    path("requests/", views.requests_inbox, name="requests"),
    path("requests/<id:pk>/", views.request_detail, name="request"),
    path("requests/<id:pk>/accept/", views.accept, name="accept"),
    path("requests/<id:pk>/decline/", views.decline, name="decline"),
    path("requests/<id:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("manage/<id:pk>/", views.manage, name="manage"),
    path("manage/<id:pk>/edit/", views.edit, name="edit"),
    path("manage/<id:pk>/withdraw-review/", views.withdraw_review, name="withdraw-review"),
    path("manage/<id:pk>/confirm/", views.confirm, name="confirm"),
    path("manage/<id:pk>/publish/", views.publish, name="publish"),
    path("manage/<id:pk>/request-changes/", views.request_changes, name="request-changes"),
    path("manage/<id:pk>/join/", views.join, name="join"),
    path(
        "manage/<id:pk>/members/<id:member_pk>/remove/",
        views.remove_member,
        name="remove-member",
    ),
]
