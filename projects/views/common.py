"""What the registry's views share: refusals, objects by id, pagination."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from hub import permissions
from projects.models.people import JoinRequest
from projects.models.project import ProjectPage

PAGE_SIZE = 20
REVIEW_COMMENT_MAX = 2000


def require(access, message, next_url=None):
    """Refuse unless ``access`` allows: with the registry's "you cannot do that" page saying
    ``message``, or by sending a person who only lacks a confirmed sign-in to confirm it (then
    back to ``next_url``, by default this page)."""
    permissions.require(
        access,
        message,
        title=_("You cannot do that"),
        template="projects/forbidden.html",
        next_url=next_url,
    )


def project_or_404(pk):
    return get_object_or_404(ProjectPage.objects.select_related("locale"), pk=pk)


def request_or_404(pk):
    return get_object_or_404(JoinRequest.objects.select_related("project", "officer"), pk=pk)


def page_of(request, items, param):
    """The page of ``items`` named by the GET parameter ``param`` (``PAGE_SIZE`` a page)."""
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get(param))


def review_target(project, user):
    """The project's review task in progress (or None) and the actions ``user`` may take on
    it there ("approve", "reject", …)."""
    state = WorkflowState.objects.active().for_instance(project).first()
    if not state or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None, set()
    task_state = state.current_task_state
    if task_state is None:
        return None, set()
    actions = {name for name, _label, _modal in task_state.task.specific.get_actions(project, user)}
    return task_state, actions
