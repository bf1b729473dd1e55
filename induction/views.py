"""Views behind the induction pages' routes (see ``induction.models.pages``).

Every view that shows or changes personal data looks it up through the signed-in user
(``officer=request.user``, ``user=request.user``) so nobody can reach someone else's
progress, pledges or handover by changing a number in the address: they get a 404.
"""

from collections import Counter
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from hub.inputs import clean_text, parse_id
from hub.twofactor import privileged, second_factor_redirect, second_factor_url
from hub.views import PasswordResetConfirmView
from induction.calendar import build_calendar, calendar_response, group_by_day
from induction.forms import (
    HandoverContactFormSet,
    HandoverForm,
    PledgeForm,
    PledgeStatusForm,
    ProjectSearchForm,
    TrackerForm,
)
from induction.matching import (
    live_projects,
    localize_map,
    localize_projects,
    search_projects,
    suggest_for_pledge,
)
from induction.models import (
    CalendarToken,
    Handover,
    InductionIndexPage,
    InductionProgrammePage,
    ManifestoTracker,
    ModuleProgress,
    OfficerRole,
    OfficerTerm,
    Pledge,
    PledgeUpdate,
    ProgrammeCompletion,
    QuizAttempt,
    ReflectionAnswer,
)
from induction.progress import (
    ProgressBook,
    ProgressRefused,
    QuizSubmissionError,
    StepError,
    check_can_track,
    mark_read,
    officer_for,
    save_checklist,
    save_reflection,
    submit_quiz,
)

MAX_PLEDGES = 30
CALENDAR_TOKEN_MAX = CalendarToken._meta.get_field("token").max_length


# --- Helpers -------------------------------------------------------------------------------


def _private(response):
    response["Cache-Control"] = "private, no-store"
    return response


def _login_required(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("login"))
    return None


def _redirect(url, anchor=None, query=None):
    if query:
        url = f"{url}?{urlencode(query)}"
    if anchor:
        url = f"{url}#{anchor}"
    return HttpResponseRedirect(url)


def _sub_url(page, request, name, **kwargs):
    return page.get_url(request) + page.reverse_subpage(name, kwargs=kwargs)


def _active_locale():
    try:
        return Locale.objects.get_for_language(get_language() or settings.LANGUAGE_CODE)
    except (Locale.DoesNotExist, LookupError):
        return Locale.get_default()


def localized_roles(roles):
    """Roles in the reader's language where translated (one query), order kept."""
    roles = list(roles)
    locale = _active_locale()
    keys = [role.translation_key for role in roles if role.locale_id != locale.pk]
    translated = {}
    if keys:
        translated = {
            role.translation_key: role
            for role in OfficerRole.objects.filter(
                translation_key__in=keys, locale=locale
            ).prefetch_related("partner_units")
        }
    return [translated.get(role.translation_key, role) for role in roles]


def role_names():
    """slug → role name in the reader's language (falling back to the default language)."""
    names = {}
    locale = _active_locale()
    default = Locale.get_default()
    for slug, name, locale_id in OfficerRole.objects.filter(
        locale_id__in={locale.pk, default.pk}
    ).values_list("slug", "name", "locale_id"):
        if locale_id == locale.pk or slug not in names:
            names[slug] = name
    return names


def site_base_url(request):
    """The site's public address for links in e-mails: ``BASE_URL`` when configured, so a
    forged Host header can never end up in a message."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "") or request.build_absolute_uri("/")


def uid_host():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "partnershiphub.invalid"


def has_any_term(user):
    return user.is_authenticated and OfficerTerm.objects.filter(user=user).exists()


def projects_for(user, condition, limit=6):
    """``(projects, total)``: live projects matching ``condition`` for ``user``, once per
    translation, in the reader's language, at most ``limit`` of them."""
    keys = set(live_projects().filter(condition).values_list("translation_key", flat=True))
    pks = list(
        live_projects()
        .filter(translation_key__in=keys, locale=Locale.get_default())
        .order_by("title")
        .values_list("pk", flat=True)[:limit]
    )
    return localize_projects(pks), len(keys)


def received_handovers(user):
    """Submitted handovers written for ``user`` by the previous holders of their roles."""
    terms = OfficerTerm.objects.filter(user=user).select_related("role")
    predecessor_ids = set()
    for term in terms:
        predecessor_ids.update(term.predecessor_terms().values_list("pk", flat=True))
    return list(
        Handover.objects.filter(term_id__in=predecessor_ids, status=Handover.Status.SUBMITTED)
        .exclude(author=user)
        .select_related("author", "term__role")
        .order_by("-submitted_at")
    )


def _session_rows(sessions, names, officer=None):
    rows = []
    for day, day_sessions in group_by_day(sessions):
        rows.append(
            (
                day,
                [
                    {
                        "session": session,
                        "roles": [names.get(slug, slug) for slug in session.role_slugs],
                        "for_you": officer is not None and session.is_for(officer.role_slugs),
                    }
                    for session in day_sessions
                ],
            )
        )
    return rows


# --- The hub: dashboard or public programme ------------------------------------------------


def hub_index(request, hub):
    officer = officer_for(request.user)
    if officer is not None:
        return _private(
            hub.render(
                request,
                template="induction/dashboard.html",
                context_overrides=dashboard_context(request, hub, officer),
            )
        )
    programme = hub.current_programme()
    context = {
        "programme": programme,
        "other_programmes": hub.programmes().exclude(pk=getattr(programme, "pk", None))[:10],
        "trackers": ManifestoTracker.objects.filter(
            is_public=True, user__officer_terms__in=OfficerTerm.objects.current_or_upcoming()
        )
        .select_related("user")
        .distinct()
        .order_by("user__display_name", "slug")[:24],
        "has_terms": has_any_term(request.user),
        "awaiting_term": request.user.is_authenticated
        and request.user.in_group("Officers")
        and not request.user.is_superuser,
    }
    if programme is not None:
        names = role_names()
        context["schedule"] = _session_rows(programme.sessions(), names)
        context["modules"] = programme.modules()
        context["roles"] = localized_roles(
            OfficerRole.objects.filter(locale=Locale.get_default()).prefetch_related(
                "partner_units"
            )
        )
    response = hub.render(request, context_overrides=context)
    if request.user.is_authenticated:
        _private(response)
    return response


def dashboard_context(request, hub, officer):
    user = request.user
    programme = hub.programme_for_year(officer.year)
    context = {
        "officer": officer,
        "roles": localized_roles(officer.roles),
        "programme": programme,
        "joined": projects_for(user, Q(members__user=user)),
        "led": projects_for(user, Q(union_contact=user)),
        "received_handovers": received_handovers(user),
        "own_terms": [
            {"term": term, "handover": getattr(term, "handover", None)}
            for term in OfficerTerm.objects.filter(user=user)
            .select_related("role", "handover")
            .order_by("-starts_on")[:6]
        ],
    }
    pledges = list(Pledge.objects.filter(officer=user).prefetch_related("projects"))
    counts = Counter(pledge.status for pledge in pledges)
    context["pledges"] = pledges
    context["pledge_counts"] = [
        (value, label, counts.get(value, 0)) for value, label in Pledge.Status.choices
    ]
    context["tracker"] = ManifestoTracker.objects.filter(user=user).first()
    if programme is not None:
        modules = programme.modules_for(officer.role_slugs)
        book = ProgressBook(user, modules, programme)
        context["book"] = book
        context["states"] = book.states()
        context["next_state"] = book.next_state()
        names = role_names()
        upcoming = [s for s in programme.sessions(officer.role_slugs) if s.is_upcoming()]
        context["upcoming"] = _session_rows(upcoming[:6], names)
        context["more_sessions"] = len(upcoming) > 6
        context["completion"] = ProgrammeCompletion.objects.filter(
            user=user, programme_key=programme.translation_key
        ).first()
    return context


# --- Programme and module pages -------------------------------------------------------------


def programme_context(request, programme):
    officer = officer_for(request.user)
    if officer is not None and officer.year != programme.year:
        officer = None
    names = role_names()
    modules = list(programme.modules())
    context = {
        "officer": officer,
        "schedule": _session_rows(programme.sessions(), names, officer),
        "role_names": names,
        "feed_url": request.build_absolute_uri(programme.feed_path),
    }
    states = {}
    if officer is not None:
        mine = [m for m in modules if m.applies_to(officer.role_slugs)]
        book = ProgressBook(request.user, mine, programme)
        states = {state.module.pk: state for state in book.states()}
        context["book"] = book
    context["module_rows"] = [
        {
            "module": module,
            "state": states.get(module.pk),
            "roles": [names.get(role.slug, role.name) for role in module.target_roles.all()],
        }
        for module in modules
    ]
    return context


@never_cache
def programme_feed(request, page_id):
    """Every session of a programme, in the language of that programme page."""
    programme = get_object_or_404(
        InductionProgrammePage.objects.live().public().select_related("locale"), pk=page_id
    )
    with translation.override(programme.locale.language_code):
        cal = build_calendar(
            programme,
            programme.sessions(),
            name=programme.title,
            url=programme.get_full_url(request),
            host=uid_host(),
            role_names=role_names(),
        )
    return calendar_response(cal, programme.title)


def module_context(request, module, *, errors=None, submitted=None):
    """What the module page shows; ``errors``/``submitted`` redisplay a rejected form."""
    programme = module.get_parent().specific
    user = request.user
    tracking = {
        "enabled": False,
        "reason": "",
        "action": module.get_url(request) + module.reverse_subpage("progress_route"),
        "ticked": set(),
        "attempts": {},
        "attempt_counts": {},
        "reflections": {},
        "errors": errors or {},
        "submitted": submitted or {},
    }
    officer = officer_for(user)
    siblings = list(programme.modules()) if hasattr(programme, "modules") else []
    if officer is not None:
        try:
            check_can_track(user, module)
            tracking["enabled"] = True
        except ProgressRefused as refusal:
            tracking["reason"] = refusal.message
        if officer.year == getattr(programme, "year", None):
            siblings = [m for m in siblings if m.applies_to(officer.role_slugs)]
        book = ProgressBook(user, [module], programme)
        state = book.state(module)
        tracking["state"] = state
        tracking["ticked"] = book.ticks[module.translation_key]
        passed = set()
        for attempt in QuizAttempt.objects.filter(user=user, module_key=module.translation_key):
            tracking["attempts"].setdefault(attempt.quiz_id, attempt)  # newest first
            counts = tracking["attempt_counts"]
            counts[attempt.quiz_id] = counts.get(attempt.quiz_id, 0) + 1
            if attempt.passed:
                passed.add(attempt.quiz_id)
        tracking["passed"] = passed
        tracking["reflections"] = dict(
            ReflectionAnswer.objects.filter(
                user=user, module_key=module.translation_key
            ).values_list("block_id", "text")
        )
    elif user.is_authenticated:
        tracking["reason"] = _("Only officers with a current or upcoming term can save progress.")
    position = next((i for i, m in enumerate(siblings) if m.pk == module.pk), None)
    previous_module = next_module = None
    if position is not None:
        previous_module = siblings[position - 1] if position > 0 else None
        next_module = siblings[position + 1] if position + 1 < len(siblings) else None
    target = localized_roles(module.target_roles.all())
    return {
        "programme": programme,
        "officer": officer,
        "tracking": tracking,
        "target_roles": target,
        "previous_module": previous_module,
        "next_module": next_module,
        "due_date": module.effective_due_date(programme),
    }


def module_progress(request, module):
    """Save one step of a module (checklist, quiz, reflection, or "done" for a module
    without steps). Success redirects back to the step; a rejected submission redisplays
    the page with the reader's input and the reason."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    denied = _login_required(request)
    if denied:
        return denied
    user = request.user
    action = request.POST.get("action", "")
    block_id = request.POST.get("block", "")[:64]
    anchor = f"step-{block_id}" if block_id else "progress"
    errors, submitted = {}, {}
    status = 400
    was_complete = module_completed(user, module)
    try:
        if action == "checklist":
            submitted[block_id] = request.POST.getlist("item")
            save_checklist(user, module, block_id, submitted[block_id])
            messages.success(request, _("Checklist saved."))
        elif action == "quiz":
            selections = {
                key[2:]: request.POST.getlist(key) for key in request.POST if key.startswith("q-")
            }
            submitted[block_id] = selections
            attempt = submit_quiz(user, module, block_id, selections)
            if attempt.passed:
                messages.success(
                    request,
                    _("You passed: %(score)s of %(total)s correct.")
                    % {"score": attempt.score, "total": attempt.total},
                )
            else:
                messages.warning(
                    request,
                    _("%(score)s of %(total)s correct; not enough to pass yet.")
                    % {"score": attempt.score, "total": attempt.total},
                )
        elif action == "reflection":
            submitted[block_id] = clean_text(request.POST.get("text", ""))
            save_reflection(user, module, block_id, submitted[block_id])
            messages.success(request, _("Your answer is saved. Only you can see it."))
        elif action == "done":
            mark_read(user, module)
        else:
            raise StepError(_("Something went wrong with this form. Reload the page."))
    except ProgressRefused as refusal:
        errors["page"] = refusal.message
        status = 403
    except QuizSubmissionError as problem:
        errors[block_id] = problem.message
        if problem.question_id:
            errors[f"{block_id}:{problem.question_id}"] = problem.message
    except StepError as problem:
        errors[block_id or "page"] = problem.message
    else:
        if not was_complete and module_completed(user, module):
            programme = module.get_parent().specific
            if ProgrammeCompletion.objects.filter(
                user=user, programme_key=programme.translation_key
            ).exists():
                messages.success(
                    request,
                    _("Module complete, and with it your whole induction. Well done!"),
                )
            else:
                messages.success(request, _("Module complete."))
        return _private(_redirect(module.get_url(request), anchor))
    context = module_context(request, module, errors=errors, submitted=submitted)
    response = module.render(request, context_overrides=context)
    response.status_code = status
    return _private(response)


def module_completed(user, module):
    return ModuleProgress.objects.filter(
        user=user, module_key=module.translation_key, completed_at__isnull=False
    ).exists()


# --- Calendar feeds -------------------------------------------------------------------------


def calendar_settings(request, hub):
    denied = _login_required(request)
    if denied:
        return denied
    officer = officer_for(request.user)
    programme = hub.programme_for_year(officer.year) if officer else hub.current_programme()
    token = None
    if officer is not None:
        token, _created = CalendarToken.objects.get_or_create(user=request.user)
        if request.method == "POST":
            if request.POST.get("action") == "regenerate":
                token.regenerate()
                messages.success(
                    request,
                    _(
                        "Your calendar has a new address. The old one no longer works: update "
                        "your calendar app."
                    ),
                )
            return _redirect(_sub_url(hub, request, "calendar_route"))
    elif request.method == "POST":
        raise Http404
    feeds = {}
    if token is not None:
        personal = request.build_absolute_uri(
            reverse("induction_feeds:personal", kwargs={"token": token.token})
        )
        feeds["personal"] = personal
        feeds["personal_webcal"] = "webcal://" + personal.split("://", 1)[1]
    if programme is not None:
        public = request.build_absolute_uri(programme.feed_path)
        feeds["programme"] = public
        feeds["programme_webcal"] = "webcal://" + public.split("://", 1)[1]
    return _private(
        hub.render(
            request,
            template="induction/calendar.html",
            context_overrides={"officer": officer, "programme": programme, "feeds": feeds},
        )
    )


def _hub_for(language):
    hubs = InductionIndexPage.objects.live().public().select_related("locale")
    return (
        hubs.filter(locale__language_code=language).first()
        or hubs.filter(locale=Locale.get_default()).first()
        or hubs.first()
    )


@never_cache
def personal_feed(request, token):
    """An officer's sessions, in their preferred language; the token is the only key."""
    if len(token) > CALENDAR_TOKEN_MAX:
        raise Http404
    record = CalendarToken.objects.select_related("user").filter(token=token).first()
    if record is None or not record.user.is_active:
        raise Http404
    user = record.user
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        hub = _hub_for(language)
        officer = officer_for(user)
        programme = hub.programme_for_year(officer.year) if hub and officer else None
        sessions = programme.sessions(officer.role_slugs) if programme else []
        name = _("My induction sessions")
        if programme is not None:
            name = _("%(programme)s: my sessions") % {"programme": programme.title}
        cal = build_calendar(
            programme,
            sessions,
            name=name,
            url=hub.get_full_url(request) if hub else request.build_absolute_uri("/"),
            host=uid_host(),
            role_names=role_names(),
        )
    return calendar_response(cal, "my-induction", private=True)


# --- Manifesto ------------------------------------------------------------------------------


def _require_officer_terms(request):
    denied = _login_required(request)
    if denied:
        return denied
    if not has_any_term(request.user):
        raise Http404
    return None


def manifesto(request, hub):
    denied = _require_officer_terms(request)
    if denied:
        return denied
    user = request.user
    tracker = ManifestoTracker.for_user(user)
    pledges = list(Pledge.objects.filter(officer=user).prefetch_related("projects"))
    add_form = PledgeForm(prefix="add")
    tracker_form = TrackerForm(instance=tracker, prefix="tracker")
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add":
            add_form = PledgeForm(request.POST, prefix="add")
            if len(pledges) >= MAX_PLEDGES:
                add_form.is_valid()
                add_form.add_error(
                    None,
                    _(
                        "You already have %(max)s pledges. Mark some achieved or dropped, or "
                        "delete one, before adding more."
                    )
                    % {"max": MAX_PLEDGES},
                )
            elif add_form.is_valid():
                pledge = add_form.save(commit=False)
                pledge.officer = user
                pledge.save()
                messages.success(
                    request,
                    _("Pledge added. Here are projects that may already work on it."),
                )
                return _redirect(
                    _sub_url(hub, request, "pledge_route", pk=pledge.pk), "suggestions"
                )
        elif action == "tracker":
            was_public = tracker.is_public
            tracker_form = TrackerForm(request.POST, instance=tracker, prefix="tracker")
            if tracker_form.is_valid():
                tracker = tracker_form.save(commit=False)
                if tracker.is_public and not was_public:
                    tracker.published_at = timezone.now()
                tracker.save()
                messages.success(
                    request,
                    _("Your tracker is public.")
                    if tracker.is_public
                    else _("Your tracker is private."),
                )
                return _redirect(_sub_url(hub, request, "manifesto_route"), "tracker")
        else:
            raise Http404
    rows = []
    for pledge in pledges:
        rows.append(
            {"pledge": pledge, "projects": localize_projects([p.pk for p in pledge.projects.all()])}
        )
    return _private(
        hub.render(
            request,
            template="induction/manifesto.html",
            context_overrides={
                "rows": rows,
                "add_form": add_form,
                "tracker": tracker,
                "tracker_form": tracker_form,
                "tracker_url": _sub_url(hub, request, "tracker_route", slug=tracker.slug),
                "max_pledges": MAX_PLEDGES,
            },
        )
    )


def pledge_detail(request, hub, pk):
    denied = _require_officer_terms(request)
    if denied:
        return denied
    pledge = get_object_or_404(Pledge, pk=pk, officer=request.user)
    edit_form = PledgeForm(instance=pledge, prefix="edit")
    status_form = PledgeStatusForm(pledge=pledge, prefix="status")
    link_error = None
    if request.method == "POST":
        action = request.POST.get("action")
        here = _sub_url(hub, request, "pledge_route", pk=pledge.pk)
        if action == "edit":
            edit_form = PledgeForm(request.POST, instance=pledge, prefix="edit")
            if edit_form.is_valid():
                edit_form.save()
                messages.success(request, _("Pledge saved."))
                return _redirect(here, "suggestions")
        elif action == "status":
            status_form = PledgeStatusForm(request.POST, pledge=pledge, prefix="status")
            if status_form.is_valid():
                with transaction.atomic():
                    data = status_form.cleaned_data
                    pledge.status = data["status"]
                    pledge.dropped_reason = (
                        data["dropped_reason"].strip()
                        if pledge.status == Pledge.Status.DROPPED
                        else ""
                    )
                    pledge.full_clean()
                    pledge.save()
                    PledgeUpdate.objects.create(
                        pledge=pledge, status=pledge.status, note=data["note"].strip()
                    )
                messages.success(request, _("Update recorded."))
                return _redirect(here, "updates")
        elif action in {"link", "unlink"}:
            project_id = parse_id(request.POST.get("project"))
            project = live_projects().filter(pk=project_id).first() if project_id else None
            if project is None:
                link_error = _("That project could not be found. It may have been unpublished.")
            elif action == "link":
                if pledge.projects.filter(translation_key=project.translation_key).exists():
                    link_error = _("This project is already linked.")
                else:
                    pledge.projects.add(project)
                    if pledge.is_new_initiative:
                        pledge.is_new_initiative = False
                        pledge.save(update_fields=["is_new_initiative", "updated_at"])
                    messages.success(
                        request, _("Linked to “%(title)s”.") % {"title": project.title}
                    )
                    return _redirect(here, "linked")
            else:
                pledge.projects.remove(
                    *pledge.projects.filter(translation_key=project.translation_key)
                )
                messages.success(request, _("Unlinked “%(title)s”.") % {"title": project.title})
                return _redirect(here, "linked")
        elif action in {"new_initiative", "not_new_initiative"}:
            if action == "new_initiative" and pledge.projects.exists():
                link_error = _(
                    "This pledge builds on linked projects. Unlink them first to mark it as a "
                    "new initiative."
                )
            else:
                pledge.is_new_initiative = action == "new_initiative"
                pledge.save(update_fields=["is_new_initiative", "updated_at"])
                messages.success(
                    request,
                    _("Marked as a new initiative.")
                    if pledge.is_new_initiative
                    else _("No longer marked as a new initiative."),
                )
                return _redirect(here, "linked")
        else:
            raise Http404
    search_form = ProjectSearchForm(request.GET or None)
    linked = localize_projects([p.pk for p in pledge.projects.all()])
    suggestions, degraded = suggest_for_pledge(pledge)
    results = None
    if search_form.is_bound and search_form.is_valid() and search_form.cleaned_data["q"]:
        exclude = {p.translation_key for p in linked}
        results, searched_degraded = search_projects(
            search_form.cleaned_data["q"], get_language(), limit=10, exclude_keys=exclude
        )
        degraded = degraded or searched_degraded
    response = hub.render(
        request,
        template="induction/pledge.html",
        context_overrides={
            "pledge": pledge,
            "edit_form": edit_form,
            "status_form": status_form,
            "search_form": search_form,
            "linked": linked,
            "suggestions": suggestions,
            "results": results,
            "degraded": degraded,
            "link_error": link_error,
            "updates": pledge.updates.all()[:50],
            "manifesto_url": _sub_url(hub, request, "manifesto_route"),
            "delete_url": _sub_url(hub, request, "pledge_delete_route", pk=pledge.pk),
        },
    )
    if request.method == "POST":
        response.status_code = 400
    return _private(response)


def pledge_delete(request, hub, pk):
    denied = _require_officer_terms(request)
    if denied:
        return denied
    pledge = get_object_or_404(Pledge, pk=pk, officer=request.user)
    if request.method == "POST":
        title = pledge.title
        pledge.delete()
        messages.success(request, _("Pledge “%(title)s” deleted.") % {"title": title})
        return _redirect(_sub_url(hub, request, "manifesto_route"))
    return _private(
        hub.render(
            request,
            template="induction/pledge_delete.html",
            context_overrides={
                "pledge": pledge,
                "cancel_url": _sub_url(hub, request, "pledge_route", pk=pledge.pk),
            },
        )
    )


def public_tracker(request, hub, slug):
    tracker = get_object_or_404(
        ManifestoTracker.objects.select_related("user"), slug=slug, is_public=True
    )
    user = tracker.user
    if not user.is_active:
        raise Http404
    pledges = list(Pledge.objects.filter(officer=user).prefetch_related("projects", "updates"))
    live_ids = set(
        live_projects()
        .filter(pk__in=[p.pk for pledge in pledges for p in pledge.projects.all()])
        .values_list("pk", flat=True)
    )
    rows = []
    for pledge in pledges:
        rows.append(
            {
                "pledge": pledge,
                "projects": localize_projects(
                    [p.pk for p in pledge.projects.all() if p.pk in live_ids]
                ),
                "updates": list(pledge.updates.all())[:5],
            }
        )
    terms = list(
        OfficerTerm.objects.filter(user=user).select_related("role").order_by("-starts_on")[:3]
    )
    return hub.render(
        request,
        template="induction/tracker.html",
        context_overrides={
            "tracker": tracker,
            "officer_user": user,
            "rows": rows,
            "terms": terms,
            "term_roles": localized_roles([term.role for term in terms]),
            "completions": ProgrammeCompletion.objects.filter(user=user).order_by("-completed_at"),
        },
    )


# --- Handover -------------------------------------------------------------------------------


def handover_list(request, hub):
    denied = _login_required(request)
    if denied:
        return denied
    user = request.user
    own_terms = list(
        OfficerTerm.objects.filter(user=user)
        .select_related("role", "handover")
        .order_by("-starts_on")
    )
    received = received_handovers(user)
    moderator = privileged(user, user.in_group("Moderators"))
    if not own_terms and not received and not moderator:
        if moderator.needs_second_factor:
            return second_factor_redirect(request)
        raise Http404
    context = {
        "own_terms": [{"term": t, "handover": getattr(t, "handover", None)} for t in own_terms],
        "received": received,
        "second_factor_url": (
            second_factor_url(request) if moderator.needs_second_factor else None
        ),
    }
    if moderator:
        paginator = Paginator(
            Handover.objects.filter(status=Handover.Status.SUBMITTED)
            .select_related("author", "term__role", "term__user")
            .order_by("-submitted_at", "-pk"),
            20,
        )
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            {
                "all_submitted": page_obj,
                "page_obj": page_obj,
                "paginator": paginator,
                "page_range": paginator.get_elided_page_range(page_obj.number),
            }
        )
    return _private(
        hub.render(request, template="induction/handover_list.html", context_overrides=context)
    )


def handover_candidates(handover, user, query=None):
    """Projects offered in the handover form: already chosen ones first, then the author's
    own (lead, member, linked to their pledges), then any found by ``query``."""
    chosen = (
        list(handover.project_links.values_list("project_id", flat=True)) if handover.pk else []
    )
    own = list(
        live_projects()
        .filter(Q(union_contact=user) | Q(members__user=user) | Q(pledges__officer=user))
        .order_by("title")
        .values_list("pk", flat=True)
        .distinct()[:60]
    )
    found = []
    degraded = False
    if query:
        pages, degraded = search_projects(query, get_language(), limit=10)
        found = [page.pk for page in pages]
    ordered = []
    for pk in [*chosen, *own, *found]:
        if pk not in ordered:
            ordered.append(pk)
    # Chosen pages keep their exact pk (it is what is stored); others are shown localized.
    chosen_pages = {p.pk: p for p in live_projects().filter(pk__in=chosen)}
    others = localize_projects([pk for pk in ordered if pk not in chosen_pages])
    result, seen = [], set()
    for page in [*chosen_pages.values(), *others]:
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            result.append(page)
    return result, degraded, bool(query) and not found


def handover_edit(request, hub, term_id):
    denied = _login_required(request)
    if denied:
        return denied
    user = request.user
    term = get_object_or_404(OfficerTerm.objects.select_related("role"), pk=term_id, user=user)
    handover = Handover.objects.filter(term=term).first() or Handover(term=term, author=user)
    if handover.author_id not in (None, user.pk):
        raise Http404
    handover.author = user
    here = _sub_url(hub, request, "handover_write_route", term_id=term.pk)
    query = clean_text(request.GET.get("q"), 200, multiline=False)
    if request.method == "POST":
        query = clean_text(request.POST.get("project_query"), 200, multiline=False)
    candidates, degraded, nothing_found = handover_candidates(handover, user, query or None)
    if request.method == "POST":
        action = request.POST.get("action", "save")
        form = HandoverForm(request.POST, instance=handover, candidates=candidates)
        formset = HandoverContactFormSet(request.POST, instance=handover, prefix="contacts")
        if form.is_valid() and formset.is_valid():
            with transaction.atomic():
                handover = form.save(commit=False)
                handover.author = user
                handover.term = term
                newly_submitted = action == "submit" and not handover.is_submitted
                if newly_submitted:
                    handover.status = Handover.Status.SUBMITTED
                    handover.submitted_at = timezone.now()
                handover.save()
                form.save_m2m()
                form.save_projects(handover)
                formset.instance = handover
                formset.save()
            if newly_submitted:
                successors = [t.user for t in term.successor_terms().select_related("user")]
                _notify_successors(request, hub, handover, successors)
                if successors:
                    messages.success(
                        request,
                        _("Handover submitted. Your successor can read it now."),
                    )
                else:
                    messages.success(
                        request,
                        _(
                            "Handover submitted. Your successor will see it as soon as their "
                            "term is recorded."
                        ),
                    )
                return _redirect(_sub_url(hub, request, "handover_read_route", pk=handover.pk))
            if action == "find":
                return _redirect(here, "projects", {"q": query} if query else None)
            messages.success(
                request,
                _("Changes saved; your successor sees them.")
                if handover.is_submitted
                else _("Draft saved. Only you can see it."),
            )
            return _redirect(here)
    else:
        form = HandoverForm(
            instance=handover, candidates=candidates, initial={"project_query": query}
        )
        formset = HandoverContactFormSet(instance=handover, prefix="contacts")
    response = hub.render(
        request,
        template="induction/handover_form.html",
        context_overrides={
            "term": term,
            "role": localized_roles([term.role])[0],
            "handover": handover,
            "form": form,
            "formset": formset,
            "project_rows": form.project_rows(),
            "degraded": degraded,
            "nothing_found": nothing_found,
            "query": query,
            "successors": [t.user for t in term.successor_terms().select_related("user")],
        },
    )
    if request.method == "POST":
        response.status_code = 400
    return _private(response)


def _notify_successors(request, hub, handover, successors):
    from induction.emails import send_handover_ready

    base_url = site_base_url(request)
    path = hub.reverse_subpage("handover_read_route", kwargs={"pk": handover.pk})

    def path_for(language):
        translated = hub.get_translation_or_none(Locale.objects.get_for_language(language))
        page = translated if translated is not None and translated.live else hub
        return page.get_url(request) + path

    send_handover_ready(
        handover,
        [u for u in successors if u is not None and u.email],
        base_url=base_url,
        path_for=path_for,
    )


def handover_detail(request, hub, pk):
    denied = _login_required(request)
    if denied:
        return denied
    handover = get_object_or_404(
        Handover.objects.select_related("author", "term__role", "term__user"), pk=pk
    )
    access = handover.can_read(request.user)
    if not access:
        if access.needs_second_factor:
            return second_factor_redirect(request)
        raise Http404
    links = list(handover.project_links.all())
    live = set(
        live_projects()
        .filter(pk__in=[link.project_id for link in links])
        .values_list("pk", flat=True)
    )
    pages = localize_map([link.project_id for link in links if link.project_id in live])
    project_rows = [
        {"project": pages[link.project_id], "note": link.note}
        for link in links
        if link.project_id in pages
    ]
    return _private(
        hub.render(
            request,
            template="induction/handover_detail.html",
            context_overrides={
                "handover": handover,
                "role": localized_roles([handover.term.role])[0],
                "project_rows": project_rows,
                "contacts": handover.contacts.all(),
                "pledges": handover.unfinished_pledges.all(),
                "is_author": handover.author_id == request.user.pk,
                "edit_url": _sub_url(
                    hub, request, "handover_write_route", term_id=handover.term_id
                ),
            },
        )
    )


# --- Accounts -------------------------------------------------------------------------------


class InvitationSetPasswordView(PasswordResetConfirmView):
    """The link in an officer's invitation: choose a password, then sign in.

    The hub's reset view underneath: the validators, the lockout lifted, no sign-in from the
    link; an expired link offers to e-mail a new one through the (rate-limited) reset flow.
    """

    template_name = "induction/set_password.html"
    success_url = reverse_lazy("login")
    title = gettext_lazy("Choose your password")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set. Sign in to start your induction."))
        return response
