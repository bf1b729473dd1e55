"""A project's own pages for the people who run it: dashboard, editing, review, upkeep."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hub.inputs import clean_text, next_url
from hub.permissions import signed_in_required
from hub.twofactor import second_factor_url
from projects import registration
from projects.forms import ProjectForm
from projects.models.people import JoinRequest
from projects.permissions import (
    can_confirm_current,
    can_edit_project,
    can_lead,
    can_publish_project,
    can_review_project,
    can_view_dashboard,
)
from projects.routes import route_url
from projects.text import stream_to_text
from projects.views.common import REVIEW_COMMENT_MAX, project_or_404, require, review_target

_EDIT_MESSAGES = {
    "published": gettext_lazy("Your changes are published."),
    "submitted": gettext_lazy("Your changes are saved and waiting for a moderator's review."),
    "resubmitted": gettext_lazy("Your changes are saved and sent back to the moderators."),
    "in_review": gettext_lazy("Your changes are saved; the moderators will review this version."),
    "draft": gettext_lazy("Your changes are saved as a draft."),
}


def _dashboard(request, registry, project):
    return route_url(registry, "manage", project.pk, request=request)


def _require_editor(user, project):
    require(
        can_edit_project(user, project),
        _("Only the project's lead, the person who registered it, and moderators can edit it."),
    )


@never_cache
@signed_in_required
def manage(request, registry, pk):
    """A project's dashboard: its draft, review, upkeep and team."""
    project = project_or_404(pk)
    canonical = project.get_canonical()
    user = request.user
    require(
        can_view_dashboard(user, project, canonical),
        _("Only the people who run this project, and moderators, can see this page."),
    )
    draft = project.get_latest_revision_as_object()
    state, comment = registration.moderation_state(project)
    _task_state, review_actions = review_target(project, user)
    lead = can_lead(user, canonical)
    can_publish = can_publish_project(user, project)
    can_reject = can_review_project(user, "reject" in review_actions)
    members = canonical.members.select_related("user").order_by("joined_at")
    pending = canonical.join_requests.filter(state=JoinRequest.State.PENDING).count()
    return render(
        request,
        "projects/manage.html",
        {
            "project": project,
            "canonical": canonical,
            "draft": draft,
            "state": state,
            "comment": comment,
            "members": members,
            "pending_count": pending,
            "is_lead": lead,
            "can_edit": can_edit_project(user, project),
            "can_confirm": can_confirm_current(user, canonical),
            "can_publish": can_publish and (not project.live or project.has_unpublished_changes),
            "can_reject": can_reject,
            "second_factor_url": (
                second_factor_url(request)
                if can_publish.needs_second_factor or can_reject.needs_second_factor
                else None
            ),
            "comment_max": REVIEW_COMMENT_MAX,
        },
    )


@never_cache
@signed_in_required
def edit(request, registry, pk):
    project = project_or_404(pk)
    user = request.user
    _require_editor(user, project)
    lock = project.get_lock()
    if lock and lock.for_user(user):
        return render(request, "projects/edit_locked.html", {"project": project})
    draft = project.get_latest_revision_as_object()
    plain_description = stream_to_text(draft.description)
    initial = ProjectForm.initial_for(draft, project.locale)
    initial["description"] = plain_description or ""
    form = ProjectForm(
        request.POST or None,
        locale=project.locale,
        edit_description=plain_description is not None,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        outcome = registration.save_edit(project, user, form.cleaned_data)
        messages.success(request, _EDIT_MESSAGES.get(outcome, _EDIT_MESSAGES["draft"]))
        return redirect(_dashboard(request, registry, project))
    return render(
        request,
        "projects/edit.html",
        {"form": form, "project": project, "rich_description": plain_description is None},
    )


@never_cache
@require_POST
@signed_in_required
def withdraw_review(request, registry, pk):
    """The author takes an edit back from review to amend it before a moderator decides."""
    project = project_or_404(pk)
    _require_editor(request.user, project)
    if registration.withdraw_from_review(project, request.user):
        messages.success(
            request,
            _(
                "Your version is back with you. Change it and save: it goes to the moderators "
                "again."
            ),
        )
        return redirect(route_url(registry, "edit", project.pk, request=request))
    messages.info(request, _("This project is no longer waiting for review."))
    return redirect(_dashboard(request, registry, project))


@never_cache
@require_POST
@signed_in_required
def confirm(request, registry, pk):
    project = project_or_404(pk)
    canonical = project.get_canonical()
    require(
        can_confirm_current(request.user, canonical),
        _("Only the project's leads can confirm it is still current."),
    )
    registration.confirm_still_current(canonical, request.user)
    messages.success(request, _("Thank you: the project is marked as still current."))
    return HttpResponseRedirect(next_url(request, _dashboard(request, registry, project)))


@never_cache
@require_POST
@signed_in_required
def publish(request, registry, pk):
    """Approve and publish the latest version (moderators, through the review; editors)."""
    project = project_or_404(pk)
    user = request.user
    require(
        can_publish_project(user, project),
        _("Only moderators and editors can publish projects."),
        next_url=_dashboard(request, registry, project),
    )
    comment = clean_text(request.POST.get("comment", ""), REVIEW_COMMENT_MAX)
    task_state, actions = review_target(project, user)
    if "approve" in actions:
        task_state.task.specific.on_action(task_state, user, "approve", comment=comment)
    else:
        revision = project.get_latest_revision()
        if revision is None:
            raise Http404
        revision.publish(user=user, log_action=True)
    messages.success(request, _("“%(title)s” is published.") % {"title": project.title})
    return redirect(_dashboard(request, registry, project))


@never_cache
@require_POST
@signed_in_required
def request_changes(request, registry, pk):
    """Send a project in review back to its registrant with a comment (moderators)."""
    project = project_or_404(pk)
    user = request.user
    task_state, actions = review_target(project, user)
    require(
        can_review_project(user, "reject" in actions),
        _("Only moderators can send a project in review back for changes."),
        next_url=_dashboard(request, registry, project),
    )
    comment = clean_text(request.POST.get("comment", ""), REVIEW_COMMENT_MAX)
    if not comment:
        messages.error(request, _("Write a comment so the registrant knows what to change."))
        return redirect(_dashboard(request, registry, project))
    task_state.task.specific.on_action(task_state, user, "reject", comment=comment)
    messages.success(request, _("The registrant has been asked for changes."))
    return redirect(_dashboard(request, registry, project))
