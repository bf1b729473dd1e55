"""Account addresses for induction; included from hub/urls.py inside the language prefix."""

from django.urls import path

from induction.views.accounts import InvitationSetPasswordView

app_name = "induction"

urlpatterns = [
    path(
        "accounts/welcome/<uidb64>/<token>/",
        InvitationSetPasswordView.as_view(),
        name="set_password",
    ),
]
