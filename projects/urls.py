"""The registry's own views, under the registry's path (``/en/projects/…``).

These paths are reserved: no project may use them as its slug (``RESERVED_SLUGS``).
"""

from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    path("register/", views.register, name="register"),
    path("register/similar/", views.similar, name="similar"),
    path("mine/", views.mine, name="mine"),
    path("requests/", views.requests_inbox, name="requests"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/accept/", views.accept, name="accept"),
    path("requests/<int:pk>/decline/", views.decline, name="decline"),
    path("requests/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("manage/<int:pk>/", views.manage, name="manage"),
    path("manage/<int:pk>/edit/", views.edit, name="edit"),
    path("manage/<int:pk>/withdraw-review/", views.withdraw_review, name="withdraw-review"),
    path("manage/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("manage/<int:pk>/publish/", views.publish, name="publish"),
    path("manage/<int:pk>/request-changes/", views.request_changes, name="request-changes"),
    path("manage/<int:pk>/join/", views.join, name="join"),
    path(
        "manage/<int:pk>/members/<int:member_pk>/remove/",
        views.remove_member,
        name="remove-member",
    ),
]
