"""Telling people where their project stands in review.

Wagtail e-mails the Moderators when a page enters review, and e-mails the person who
submitted it when it is approved or sent back. For projects we send those last two ourselves,
through :func:`hub.notifications.notify`: in the registrant's preferred language, with the
moderator's comment, linking to the front-end pages, from the background task queue, and
listed among their on-site notifications.

The receivers here handle projects only and are connected by ``ProjectsConfig.ready()`` under
our own dispatch uids. So that a registrant is not e-mailed twice, Wagtail's approval and
rejection e-mails must leave projects to us: :mod:`projects.moderation.apps` swaps Wagtail's
two receivers for the same notifiers narrowed to every other kind of page or snippet. That
app is listed after ``wagtail.admin`` in ``INSTALLED_APPS`` because Wagtail connects its
receivers in its own ``ready()``.
"""

from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected, workflow_submitted

from hub.notifications import notify
from projects.routes import registry_url


def is_project_state(workflow_state):
    """Whether a workflow state is a project's review (without loading the page)."""
    from projects.models import ProjectPage

    return workflow_state.content_type.model_class() is ProjectPage


def _project_of(workflow_state):
    from projects.models import ProjectPage

    if not is_project_state(workflow_state):
        return None
    return ProjectPage.objects.filter(pk=workflow_state.object_id).first()


def _told_registrant(workflow_state, user):
    """The project in review and who to tell of the decision: the person who submitted it,
    unless they decided it themselves; ``(None, None)`` when no one is to be told."""
    project = _project_of(workflow_state)
    registrant = workflow_state.requested_by
    if project is None or registrant is None or registrant == user:
        return None, None
    return project, registrant


def on_approved(sender, instance, user=None, **kwargs):
    project, registrant = _told_registrant(instance, user)
    if project is None:
        return None

    def url():
        localized = project.localized
        return localized.get_url() if localized.live else project.get_url()

    notify(
        registrant,
        "project.approved",
        "projects/notifications/project_approved",
        {"project": project, "moderator": user},
        url=url,
    )
    return None


def on_rejected(sender, instance, user=None, **kwargs):
    project, registrant = _told_registrant(instance, user)
    if project is None:
        return None
    task_state = instance.current_task_state
    notify(
        registrant,
        "project.changes_requested",
        "projects/notifications/project_rejected",
        {
            "project": project,
            "moderator": user,
            "comment": task_state.comment if task_state else "",
        },
        url=lambda: registry_url("edit", project.pk),
    )
    return None


def on_submitted(sender, instance, user=None, **kwargs):
    """Moderators see new projects to review among their notifications (Wagtail e-mails them)."""
    project = _project_of(instance)
    if project is None:
        return
    moderators = (
        get_user_model()
        .objects.filter(groups__name="Moderators", is_active=True)
        .exclude(pk=getattr(user, "pk", None))
    )
    for moderator in moderators.distinct():
        notify(
            moderator,
            "project.submitted",
            "projects/notifications/project_submitted",
            {"project": project, "registrant": user},
            url=lambda: registry_url("manage", project.pk),
            email=False,
        )


def connect():
    workflow_approved.connect(
        on_approved, sender=WorkflowState, dispatch_uid="projects.workflow_approved"
    )
    workflow_rejected.connect(
        on_rejected, sender=WorkflowState, dispatch_uid="projects.workflow_rejected"
    )
    workflow_submitted.connect(
        on_submitted, sender=WorkflowState, dispatch_uid="projects.workflow_submitted"
    )
