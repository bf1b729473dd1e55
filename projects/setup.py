"""Moderation and permissions for registry index pages, in every language.

``0003_project_review_workflow`` sets up the index pages that exist when it runs; this module
does the same for index pages created afterwards (a new language's translation or alias, a
fresh site): the "Project review" workflow, and the Staff group's "add" permission, which in
Wagtail means "create pages here and edit the ones you own" and nothing more.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage

WORKFLOW_NAME = "Project review"
TASK_NAME = "Moderator review"
STAFF_GROUP = "Staff"
MODERATORS_GROUP = "Moderators"


def project_review_workflow():
    """The workflow registry pages use: the one already on an index page, else by name."""
    from projects.models import ProjectIndexPage

    assigned = (
        WorkflowPage.objects.filter(
            page__content_type__app_label="projects",
            page__content_type__model=ProjectIndexPage._meta.model_name,
            workflow__active=True,
        )
        .select_related("workflow")
        .first()
    )
    if assigned is not None:
        return assigned.workflow
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        task = GroupApprovalTask.objects.filter(name=TASK_NAME, active=True).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True)
            moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
            task.groups.add(moderators)
        workflow.workflow_tasks.create(task=task, sort_order=0)
    return workflow


@transaction.atomic
def configure_index_page(index_page):
    """Give one registry index page its workflow and Staff's "add" permission (idempotent)."""
    if not WorkflowPage.objects.filter(page_id=index_page.pk).exists():
        WorkflowPage.objects.create(page_id=index_page.pk, workflow=project_review_workflow())
    staff, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    GroupPagePermission.objects.get_or_create(
        group=staff, page_id=index_page.pk, permission=add_page
    )


def on_index_saved(sender, instance, created, raw=False, **kwargs):
    """``post_save`` receiver for ProjectIndexPage: configure each new index page."""
    if created and not raw:
        configure_index_page(instance)
