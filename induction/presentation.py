"""What the induction pages show about roles, sessions and modules, in the reader's language.

The programme and module pages (:mod:`induction.models.pages`) build their context here, and
so do the views of :mod:`induction.views`; this module imports no view and no page model.
"""

from django.utils.translation import gettext as _

from hub.i18n import active_locale, default_locale, localize_snippets, names_by_slug
from hub.routing import page_url
from induction.calendar import group_by_day
from induction.models.progress import QuizAttempt, ReflectionAnswer
from induction.models.roles import OfficerRole
from induction.progress import ProgressBook, ProgressRefused, check_can_track, officer_for


def localized_roles(roles):
    """Roles in the reader's language where translated (one query), order kept."""
    queryset = OfficerRole.objects.prefetch_related("partner_units")
    return localize_snippets(roles, active_locale().pk, queryset, unique=False)


def role_names():
    """slug → role name in the reader's language (falling back to the default language)."""
    return names_by_slug(OfficerRole, active_locale().pk, default_locale_id=default_locale().pk)


def session_rows(sessions, names, officer=None):
    """The schedule as ``(day, [session row, …])`` pairs, each row with its roles' names and
    whether the session is for ``officer``."""
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


def programme_context(request, programme):
    """What a year's programme page shows: the schedule, and the modules with the reader's
    progress when they are an officer of that year."""
    officer = officer_for(request.user)
    if officer is not None and officer.year != programme.year:
        officer = None
    names = role_names()
    modules = list(programme.modules())
    context = {
        "officer": officer,
        "schedule": session_rows(programme.sessions(), names, officer),
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


def module_context(request, module, *, errors=None, submitted=None):
    """What the module page shows; ``errors``/``submitted`` redisplay a rejected form."""
    programme = module.get_parent().specific
    user = request.user
    tracking = {
        "enabled": False,
        "reason": "",
        "action": page_url(module, request) + module.reverse_subpage("progress_route"),
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
