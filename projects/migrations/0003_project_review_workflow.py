"""The "Project review" workflow, and Staff's right to register projects in the registry.

Every registry index page (in every language) gets the workflow and the Staff group's "add"
page permission, which lets Staff create projects and edit only the ones they own. Index
pages created later get both from ``projects.setup`` (a ``post_save`` receiver).
"""

from django.db import migrations

WORKFLOW_NAME = "Project review"
TASK_NAME = "Moderator review"


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ProjectIndexPage = apps.get_model("projects", "ProjectIndexPage")

    moderators, _created = Group.objects.get_or_create(name="Moderators")
    staff, _created = Group.objects.get_or_create(name="Staff")

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=task_type, active=True
        )
    task.groups.add(moderators)

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    add_page = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="add_page"
    ).first()
    for index in ProjectIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})
        if add_page is not None:
            GroupPagePermission.objects.get_or_create(
                group=staff, page_id=index.pk, permission=add_page
            )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_membership_request_and_registration"),
        ("hub", "0003_groups_and_locales"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
