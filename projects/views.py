"""The registry's own pages: register, edit, review, join, answer requests, "My projects".

Wagtail serves the registry and the project pages themselves; these views do what readers
and leads act on. Permissions come from :mod:`projects.permissions`; signed-out visitors are
sent to sign in, signed-in people without the right see a page that says why (403).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale, WorkflowState

from hub.inputs import clean_text, next_url, parse_choice, parse_id
from hub.twofactor import second_factor_redirect, second_factor_url
from projects import joining, registration
from projects.forms import (
    AcceptForm,
    DeclineForm,
    JoinRequestForm,
    ProjectForm,
    RegistrationForm,
)
from projects.models import (
    JoinRequest,
    ProjectIndexPage,
    ProjectMember,
    ProjectPage,
)
from projects.permissions import (
    can_ask_to_join,
    can_confirm_current,
    can_decide_request,
    can_edit_project,
    can_lead,
    can_publish_project,
    can_read_request,
    can_register,
    can_review_project,
    can_view_dashboard,
)
from projects.text import stream_to_text

PAGE_SIZE = 20
REVIEW_COMMENT_MAX = 2000
_EDIT_MESSAGES = {
    "published": gettext_lazy("Your changes are published."),
    "submitted": gettext_lazy("Your changes are saved and waiting for a moderator's review."),
    "resubmitted": gettext_lazy("Your changes are saved and sent back to the moderators."),
    "in_review": gettext_lazy("Your changes are saved; the moderators will review this version."),
    "draft": gettext_lazy("Your changes are saved as a draft."),
}


# --- helpers ---------------------------------------------------------------------------------


def _to_login(request):
    return redirect_to_login(request.get_full_path(), login_url=reverse("login"))


def _forbidden(request, message, title=None):
    return render(
        request,
        "projects/forbidden.html",
        {"message": message, "title": title or _("You cannot do that")},
        status=403,
    )


def _refuse(request, access, message, next_url=None):
    """Refuse a check that failed: to confirm the sign-in first if only that is missing
    (then back to ``next_url``, by default this page), else with a page that says why."""
    if access.needs_second_factor:
        return second_factor_redirect(request, next_url)
    return _forbidden(request, message)


def current_locale():
    try:
        return Locale.objects.get_for_language(get_language())
    except Locale.DoesNotExist:
        return Locale.get_default()


def registry_for_request():
    """The registry page in the reader's language, else the default language's."""
    locale = current_locale()
    index = ProjectIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        index = ProjectIndexPage.objects.live().filter(locale=Locale.get_default()).first()
    if index is None:
        raise Http404(_("There is no project registry yet."))
    return index


def _project_or_404(pk):
    return get_object_or_404(ProjectPage.objects.select_related("locale"), pk=pk)


def _page(request, items, param):
    paginator = Paginator(items, PAGE_SIZE)
    return paginator.get_page(request.GET.get(param))


# --- registering -----------------------------------------------------------------------------


@never_cache
def register(request):
    if not request.user.is_authenticated:
        return _to_login(request)
    index = registry_for_request()
    if not can_register(request.user, index):
        return _forbidden(
            request,
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
        return redirect("projects:manage", result.project.pk)
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
def similar(request):
    """JSON for the registration form's as-you-type duplicate check."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in to register a project.")}, status=403)
    index = registry_for_request()
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
                    "url": project.get_url(request),
                    "status": project.get_status_display(),
                }
                for project in results
            ]
        }
    )


# --- a project's own pages -------------------------------------------------------------------


@never_cache
def manage(request, pk):
    """A project's dashboard: its draft, review, upkeep and team."""
    if not request.user.is_authenticated:
        return _to_login(request)
    project = _project_or_404(pk)
    canonical = project.get_canonical()
    user = request.user
    access = can_view_dashboard(user, project, canonical)
    if not access:
        return _refuse(
            request,
            access,
            _("Only the people who run this project, and moderators, can see this page."),
        )
    draft = project.get_latest_revision_as_object()
    state, comment = registration.moderation_state(project)
    _task_state, review_actions = _review_target(project, user)
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
def edit(request, pk):
    if not request.user.is_authenticated:
        return _to_login(request)
    project = _project_or_404(pk)
    user = request.user
    access = can_edit_project(user, project)
    if not access:
        return _refuse(
            request,
            access,
            _("Only the project's lead, the person who registered it, and moderators can edit it."),
        )
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
        return redirect("projects:manage", project.pk)
    return render(
        request,
        "projects/edit.html",
        {"form": form, "project": project, "rich_description": plain_description is None},
    )


@never_cache
@require_POST
def withdraw_review(request, pk):
    """The author takes an edit back from review to amend it before a moderator decides."""
    if not request.user.is_authenticated:
        return _to_login(request)
    project = _project_or_404(pk)
    access = can_edit_project(request.user, project)
    if not access:
        return _refuse(
            request,
            access,
            _("Only the project's lead, the person who registered it, and moderators can edit it."),
        )
    if registration.withdraw_from_review(project, request.user):
        messages.success(
            request,
            _(
                "Your version is back with you. Change it and save: it goes to the moderators "
                "again."
            ),
        )
        return redirect("projects:edit", project.pk)
    messages.info(request, _("This project is no longer waiting for review."))
    return redirect("projects:manage", project.pk)


@never_cache
@require_POST
def confirm(request, pk):
    if not request.user.is_authenticated:
        return _to_login(request)
    project = _project_or_404(pk)
    canonical = project.get_canonical()
    if not can_confirm_current(request.user, canonical):
        return _forbidden(request, _("Only the project's leads can confirm it is still current."))
    registration.confirm_still_current(canonical, request.user)
    messages.success(request, _("Thank you: the project is marked as still current."))
    return HttpResponseRedirect(next_url(request, reverse("projects:manage", args=[project.pk])))


def _review_target(project, user):
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


@never_cache
@require_POST
def publish(request, pk):
    """Approve and publish the latest version (moderators, through the review; editors)."""
    if not request.user.is_authenticated:
        return _to_login(request)
    project = _project_or_404(pk)
    user = request.user
    access = can_publish_project(user, project)
    if not access:
        return _refuse(
            request,
            access,
            _("Only moderators and editors can publish projects."),
            next_url=reverse("projects:manage", args=[project.pk]),
        )
    comment = clean_text(request.POST.get("comment", ""), REVIEW_COMMENT_MAX)
    task_state, actions = _review_target(project, user)
    if "approve" in actions:
        task_state.task.specific.on_action(task_state, user, "approve", comment=comment)
    else:
        revision = project.get_latest_revision()
        if revision is None:
            raise Http404
        revision.publish(user=user, log_action=True)
    messages.success(request, _("“%(title)s” is published.") % {"title": project.title})
    return redirect("projects:manage", project.pk)


@never_cache
@require_POST
def request_changes(request, pk):
    """Send a project in review back to its registrant with a comment (moderators)."""
    if not request.user.is_authenticated:
        return _to_login(request)
    project = _project_or_404(pk)
    user = request.user
    task_state, actions = _review_target(project, user)
    access = can_review_project(user, "reject" in actions)
    if not access:
        return _refuse(
            request,
            access,
            _("Only moderators can send a project in review back for changes."),
            next_url=reverse("projects:manage", args=[project.pk]),
        )
    comment = clean_text(request.POST.get("comment", ""), REVIEW_COMMENT_MAX)
    if not comment:
        messages.error(request, _("Write a comment so the registrant knows what to change."))
        return redirect("projects:manage", project.pk)
    task_state.task.specific.on_action(task_state, user, "reject", comment=comment)
    messages.success(request, _("The registrant has been asked for changes."))
    return redirect("projects:manage", project.pk)


# --- joining ---------------------------------------------------------------------------------


@never_cache
def join(request, pk):
    if not request.user.is_authenticated:
        return _to_login(request)
    project = get_object_or_404(ProjectPage.objects.live(), pk=pk)
    user = request.user
    if not can_ask_to_join(user):
        return _forbidden(
            request,
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
            return redirect("projects:mine")
        messages.success(
            request,
            _("Your request has been sent to the project's leads. You will hear from them here."),
        )
        return redirect("projects:request", join_request.pk)
    return render(request, "projects/join.html", context)


def _request_or_404(pk):
    return get_object_or_404(JoinRequest.objects.select_related("project", "officer"), pk=pk)


@never_cache
def request_detail(request, pk):
    if not request.user.is_authenticated:
        return _to_login(request)
    join_request = _request_or_404(pk)
    user = request.user
    access = can_read_request(user, join_request)
    if not access:
        return _refuse(
            request,
            access,
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


def _decision(request, pk, form_class, act, done_message):
    if not request.user.is_authenticated:
        return _to_login(request)
    join_request = _request_or_404(pk)
    user = request.user
    fallback = reverse("projects:request", args=[join_request.pk])
    access = can_decide_request(user, join_request)
    if not access:
        return _refuse(
            request,
            access,
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
def accept(request, pk):
    return _decision(
        request, pk, AcceptForm, joining.accept, _("Accepted: the officer is now a member.")
    )


@never_cache
@require_POST
def decline(request, pk):
    return _decision(
        request, pk, DeclineForm, joining.decline, _("Declined: the officer has been told.")
    )


@never_cache
@require_POST
def withdraw(request, pk):
    if not request.user.is_authenticated:
        return _to_login(request)
    join_request = _request_or_404(pk)
    if join_request.officer_id != request.user.pk:
        return _forbidden(request, _("Only the officer who asked can withdraw a request."))
    try:
        previous = joining.withdraw(join_request, request.user)
    except joining.JoinError as error:
        messages.error(request, error.message)
    else:
        if previous == JoinRequest.State.ACCEPTED:
            messages.success(request, _("You have left the project."))
        else:
            messages.success(request, _("Your request is withdrawn."))
    return HttpResponseRedirect(next_url(request, reverse("projects:mine")))


@never_cache
@require_POST
def remove_member(request, pk, member_pk):
    if not request.user.is_authenticated:
        return _to_login(request)
    project = _project_or_404(pk)
    canonical = project.get_canonical()
    access = can_lead(request.user, canonical)
    if not access:
        return _refuse(
            request,
            access,
            _("Only the project's leads can remove members."),
            next_url=reverse("projects:manage", args=[project.pk]),
        )
    member = get_object_or_404(
        ProjectMember.objects.select_related("user", "request"), pk=member_pk, project=canonical
    )
    note = clean_text(request.POST.get("note", ""), 500)
    joining.remove_member(member, request.user, note)
    messages.success(request, _("The member has been removed and told."))
    return HttpResponseRedirect(next_url(request, reverse("projects:manage", args=[project.pk])))


# --- lists -----------------------------------------------------------------------------------


def _led_projects(user):
    """Projects ``user`` leads or registered, one page per project (its first page)."""
    pages = (
        ProjectPage.objects.filter(Q(staff_lead=user) | Q(union_contact=user) | Q(owner=user))
        .select_related("locale")
        .defer_streamfields()
        .order_by("pk")
    )
    seen, result = set(), []
    for page in pages:
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            result.append(page)
    result.sort(key=lambda p: p.latest_revision_created_at or p.first_published_at, reverse=True)
    return result


def _requests_for_lead(user):
    return JoinRequest.objects.filter(
        Q(project__staff_lead=user) | Q(project__union_contact=user)
    ).select_related("project", "officer")


@never_cache
def mine(request):
    if not request.user.is_authenticated:
        return _to_login(request)
    user = request.user
    led_page = _page(request, _led_projects(user), "led")
    led = list(led_page.object_list)
    states = registration.moderation_states(led)
    pending_counts = dict(
        JoinRequest.objects.filter(project__in=[p.pk for p in led], state="pending")
        .values_list("project")
        .annotate(n=Count("pk"))
    )
    for project in led:
        project.review_state, project.review_comment = states.get(project.pk, ("published", ""))
        project.pending_count = pending_counts.get(project.pk, 0)
        project.role_labels = [
            label
            for flag, label in (
                (project.staff_lead_id == user.pk, _("Staff lead")),
                (project.union_contact_id == user.pk, _("Union contact")),
                (project.owner_id == user.pk, _("Registered by you")),
            )
            if flag
        ]
    waiting = _requests_for_lead(user).filter(state=JoinRequest.State.PENDING)
    memberships = ProjectMember.objects.filter(user=user, left_on__isnull=True).select_related(
        "project"
    )
    my_requests = JoinRequest.objects.filter(officer=user).select_related("project")
    registry = registry_for_request()
    return render(
        request,
        "projects/mine.html",
        {
            "led_page": led_page,
            "led": led,
            "waiting_count": waiting.count(),
            "waiting": waiting.order_by("created_at")[:5],
            "member_page": _page(request, memberships.order_by("-joined_at"), "joined"),
            "request_page": _page(request, my_requests.order_by("-created_at"), "asked"),
            "registry": registry,
            "can_register": can_register(user, registry),
        },
    )


@never_cache
def requests_inbox(request):
    """Requests to join the projects I lead: pending first to answer, then the history."""
    if not request.user.is_authenticated:
        return _to_login(request)
    user = request.user
    requests = _requests_for_lead(user)
    state = parse_choice(request.GET.get("state"), {"pending", "all"}, "pending")
    if state == "pending":
        requests = requests.filter(state=JoinRequest.State.PENDING).order_by("created_at")
    else:
        requests = requests.order_by("-created_at")
    led = [p for p in _led_projects(user) if user.pk in p.lead_ids]
    project_id = parse_id(request.GET.get("project"))
    project_filter = ""
    if project_id is not None and project_id in {p.pk for p in led}:
        requests = requests.filter(project_id=project_id)
        project_filter = str(project_id)
    return render(
        request,
        "projects/requests.html",
        {
            "page_obj": _page(request, requests, "page"),
            "state": state,
            "led": led,
            "project_filter": project_filter,
            "accept_form": AcceptForm(),
            "decline_form": DeclineForm(),
        },
    )
