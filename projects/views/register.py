"""Registering a project: the form, the check for similar projects, the confirmation."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hub.inputs import clean_text
from hub.permissions import signed_in_required
from hub.routing import page_url
from projects import registration
from projects.forms import RegistrationForm
from projects.permissions import can_register
from projects.routes import route_url
from projects.views.common import require


@never_cache
@signed_in_required
def register(request, index):
    require(
        can_register(request.user, index),
        _(
            "Only staff members can register projects. If you are a student officer, "
            "find a project in the registry and ask to join it."
        ),
    )
    if request.method != "POST":
        form = RegistrationForm(locale=index.locale)
        return render(request, "projects/register.html", {"form": form, "index": index})

    form = RegistrationForm(request.POST, locale=index.locale)
    action = request.POST.get("action", "check")
    if not form.is_valid() or action == "edit":
        return render(request, "projects/register.html", {"form": form, "index": index})
    data = form.cleaned_data
    if action == "confirm":
        result = registration.register_project(index, request.user, data)
        if result.created:
            messages.success(
                request,
                _("Thank you. “%(title)s” is now waiting for a moderator to review it.")
                % {"title": result.project.title},
            )
        else:
            messages.info(request, _("This project was already registered; here it is."))
        return redirect(route_url(index, "manage", result.project.pk, request=request))
    similar = registration.similar_projects(index.locale, data["title"], data["summary"])
    in_review = registration.similar_waiting_for_review(
        index.locale, data["title"], exclude_owner=request.user
    )
    return render(
        request,
        "projects/register_check.html",
        {"form": form, "index": index, "similar": similar, "similar_in_review": in_review},
    )


@never_cache
@require_GET
def similar(request, index):
    """JSON for the registration form's as-you-type duplicate check (a refusal is JSON too)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in to register a project.")}, status=403)
    if not can_register(request.user, index):
        return JsonResponse({"error": _("Only staff members can register projects.")}, status=403)
    title = clean_text(request.GET.get("title", ""), 150)
    summary = clean_text(request.GET.get("summary", ""), 400)
    results = registration.similar_projects(index.locale, title, summary)
    return JsonResponse(
        {
            "results": [
                {
                    "title": project.title,
                    "summary": project.summary,
                    "url": page_url(project, request),
                    "status": project.get_status_display(),
                }
                for project in results
            ]
        }
    )
