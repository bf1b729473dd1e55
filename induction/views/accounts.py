"""Account addresses for induction (``induction.urls``): an officer's invitation link."""

from django.contrib import messages
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hub.views import PasswordResetConfirmView


class InvitationSetPasswordView(PasswordResetConfirmView):
    """The link in an officer's invitation: choose a password, then sign in.

    The hub's reset view underneath: the validators, the lockout lifted, no sign-in from the
    link; an expired link offers to e-mail a new one through the (rate-limited) reset flow.
    """

    template_name = "induction/set_password.html"
    success_url = reverse_lazy("login")
    title = gettext_lazy("Choose your password")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set. Sign in to start your induction."))
        return response
