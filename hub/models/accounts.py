"""Records behind the password-reset rate limit (see ``hub.passwords``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PasswordResetRequest(models.Model):
    """One accepted request for a password-reset e-mail, kept while it counts for the limit.

    Only keyed digests (HMAC with the site's secret key) of the client address and of the
    e-mail address typed are stored, never the addresses themselves, and rows are deleted as
    soon as they leave the counting window.
    """

    requested_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)
    client_digest = models.CharField(_("client address (digest)"), max_length=64)
    email_digest = models.CharField(_("e-mail address (digest)"), max_length=64)

    class Meta:
        verbose_name = _("password-reset request")
        verbose_name_plural = _("password-reset requests")
        indexes = [
            models.Index(fields=["client_digest", "requested_at"], name="hub_reset_client"),
            models.Index(fields=["email_digest", "requested_at"], name="hub_reset_email"),
        ]

    def __str__(self):
        return f"password reset requested at {self.requested_at:%Y-%m-%d %H:%M}"
