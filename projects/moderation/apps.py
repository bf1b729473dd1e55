"""Wagtail's approval and rejection e-mails, for everything except projects.

Wagtail's admin connects one notifier to ``workflow_approved`` and one to
``workflow_rejected`` in its ``ready()``; each e-mails whoever submitted the page or snippet.
Projects get their own, richer message from :mod:`projects.moderation.receivers`, so this
app replaces those two receivers with the same notifier classes narrowed (through their
``can_handle`` hook) to leave projects alone. Listed after ``wagtail.admin`` in
``INSTALLED_APPS`` so that Wagtail's receivers exist when it runs.

Wagtail names its receivers only by ``dispatch_uid``. If an upgrade renames them, the swap
cannot find them and start-up fails here, loudly, instead of registrants quietly getting two
e-mails; ``tests/unit/test_moderation_mail.py`` pins both halves.
"""

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

WAGTAIL_RECEIVERS = {
    "approved": "workflow_state_approved_email_notification",
    "rejected": "workflow_state_rejected_email_notification",
}


def _narrowed(notifier_class):
    from projects.moderation.receivers import is_project_state

    class ExceptProjects(notifier_class):
        def can_handle(self, instance, **kwargs):
            return super().can_handle(instance, **kwargs) and not is_project_state(instance)

    name = f"{notifier_class.__name__}ExceptProjects"
    ExceptProjects.__name__ = ExceptProjects.__qualname__ = name
    return ExceptProjects


def replace_wagtail_receivers():
    from wagtail.admin.mail import (
        WorkflowStateApprovalEmailNotifier,
        WorkflowStateRejectionEmailNotifier,
    )
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_approved, workflow_rejected

    for signal, notifier_class, notification in (
        (workflow_approved, WorkflowStateApprovalEmailNotifier, "approved"),
        (workflow_rejected, WorkflowStateRejectionEmailNotifier, "rejected"),
    ):
        uid = WAGTAIL_RECEIVERS[notification]
        if not signal.disconnect(sender=WorkflowState, dispatch_uid=uid):
            raise ImproperlyConfigured(
                f"Wagtail's {notification} e-mail receivers ({uid!r}) are not connected: list "
                "'projects.moderation' after 'wagtail.admin' in INSTALLED_APPS, or update "
                "projects/moderation/apps.py for this Wagtail version."
            )
        signal.connect(
            _narrowed(notifier_class)(),
            sender=WorkflowState,
            dispatch_uid=f"projects.moderation.wagtail_{notification}_except_projects",
            weak=False,
        )


class ModerationMailConfig(AppConfig):
    name = "projects.moderation"
    label = "projects_moderation"
    verbose_name = _("Project review e-mails")

    def ready(self):
        replace_wagtail_receivers()
