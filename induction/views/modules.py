"""A year's programme page and its training modules: what they show, and saving progress."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hub.inputs import clean_text
from hub.permissions import signed_in_required
from induction.models.progress import (
    ModuleProgress,
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
from induction.views.common import (
    localized_roles,
    private,
    redirect_to,
    role_names,
    session_rows,
)


def programme_context(request, programme):
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


@require_POST
@signed_in_required
def module_progress(request, module):
    """Save one step of a module (checklist, quiz, reflection, or "done" for a module
    without steps). Success redirects back to the step; a rejected submission redisplays
    the page with the reader's input and the reason."""
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
        return private(redirect_to(module.get_url(request), anchor))
    context = module_context(request, module, errors=errors, submitted=submitted)
    response = module.render(request, context_overrides=context)
    response.status_code = status
    return private(response)


def module_completed(user, module):
    return ModuleProgress.objects.filter(
        user=user, module_key=module.translation_key, completed_at__isnull=False
    ).exists()
