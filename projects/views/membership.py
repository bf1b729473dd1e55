"""Joining a project: an officer's request, the leads' answer, leaving and removing members."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hub.inputs import clean_text, next_url
from hub.permissions import signed_in_required
from projects import joining
from projects.forms import AcceptForm, DeclineForm, JoinRequestForm
from projects.models.people import JoinRequest, ProjectMember
from projects.models.project import ProjectPage
from projects.permissions import (
    can_ask_to_join,
    can_decide_request,
    can_lead,
    can_read_request,
)
from projects.routes import route_url
from projects.views.common import project_or_404, request_or_404, require


@never_cache
@signed_in_required
def join(request, registry, pk):
    project = get_object_or_404(ProjectPage.objects.live(), pk=pk)
    user = request.user
    require(
        can_ask_to_join(user),
        _(
            "Only student officers can ask to join projects. Staff can write to the "
            "project's lead directly: the contact details are on the project's page."
        ),
    )
    canonical = project.get_canonical()
    reason = joining.refusal(user, canonical)
    context = {"project": project, "refusal": reason}
    if reason:
        return render(request, "projects/join.html", context)
    form = JoinRequestForm(request.POST or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        try:
            join_request = joining.create_request(
                user, canonical, form.cleaned_data["message"], form.cleaned_data["how_to_help"]
            )
        except joining.JoinError as error:
            if error.code == "rate_limited":
                form.add_error(None, error.message)
                return render(request, "projects/join.html", context, status=429)
            messages.info(request, error.message)
            return redirect(route_url(registry, "mine", request=request))
        messages.success(
            request,
            _("Your request has been sent to the project's leads. You will hear from them here."),
        )
        return redirect(route_url(registry, "request", join_request.pk, request=request))
    return render(request, "projects/join.html", context)


@never_cache
@signed_in_required
def request_detail(request, registry, pk):
    join_request = request_or_404(pk)
    user = request.user
    require(
        can_read_request(user, join_request),
        _("A request to join is seen only by the officer, the project's leads and moderators."),
    )
    return render(
        request,
        "projects/request_detail.html",
        {
            "join_request": join_request,
            "events": join_request.events.select_related("actor"),
            "can_decide": can_decide_request(user, join_request),
            "is_officer": join_request.officer_id == user.pk,
            "accept_form": AcceptForm(),
            "decline_form": DeclineForm(),
        },
    )


def _decision(request, registry, pk, form_class, act, done_message):
    join_request = request_or_404(pk)
    user = request.user
    fallback = route_url(registry, "request", join_request.pk, request=request)
    require(
        can_decide_request(user, join_request),
        _("Only the project's leads can answer its requests."),
        next_url=fallback,
    )
    form = form_class(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return HttpResponseRedirect(next_url(request, fallback))
    try:
        act(join_request, user, **form.cleaned_data)
    except joining.JoinError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done_message)
    return HttpResponseRedirect(next_url(request, fallback))


@never_cache
@require_POST
@signed_in_required
def accept(request, registry, pk):
    return _decision(
        request,
        registry,
        pk,
        AcceptForm,
        joining.accept,
        _("Accepted: the officer is now a member."),
    )


@never_cache
@require_POST
@signed_in_required
def decline(request, registry, pk):
    return _decision(
        request,
        registry,
        pk,
        DeclineForm,
        joining.decline,
        _("Declined: the officer has been told."),
    )


@never_cache
@require_POST
@signed_in_required
def withdraw(request, registry, pk):
    join_request = request_or_404(pk)
    require(
        join_request.officer_id == request.user.pk,
        _("Only the officer who asked can withdraw a request."),
    )
    try:
        previous = joining.withdraw(join_request, request.user)
    except joining.JoinError as error:
        messages.error(request, error.message)
    else:
        if previous == JoinRequest.State.ACCEPTED:
            messages.success(request, _("You have left the project."))
        else:
            messages.success(request, _("Your request is withdrawn."))
    return HttpResponseRedirect(next_url(request, route_url(registry, "mine", request=request)))


@never_cache
@require_POST
@signed_in_required
def remove_member(request, registry, pk, member_pk):
    project = project_or_404(pk)
    canonical = project.get_canonical()
    require(
        can_lead(request.user, canonical),
        _("Only the project's leads can remove members."),
        next_url=route_url(registry, "manage", project.pk, request=request),
    )
    member = get_object_or_404(
        ProjectMember.objects.select_related("user", "request"), pk=member_pk, project=canonical
    )
    note = clean_text(request.POST.get("note", ""), 500)
    joining.remove_member(member, request.user, note)
    messages.success(request, _("The member has been removed and told."))
    return HttpResponseRedirect(
        next_url(request, route_url(registry, "manage", project.pk, request=request))
    )
