"""Anonymous "Was this helpful?" answers.

No personal data is stored: no user, no IP address, no session id and only the day the
answer was given. Readers are asked not to put names or contact details in comments.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Feedback(models.Model):
    """One reader's anonymous answer to "Was this helpful?" on one guideline."""

    page = models.ForeignKey(
        "knowledge.GuidelinePage",
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("guideline"),
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    created_on = models.DateField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_on", "-pk"]

    def __str__(self):
        return f"{self.page_id}: {'yes' if self.helpful else 'no'}"
