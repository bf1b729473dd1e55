"""Saving progress on a training module (what the programme and module pages show is built
in :mod:`induction.presentation`)."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hub.inputs import clean_text
from hub.permissions import signed_in_required
from hub.routing import page_url
from induction.models.progress import ModuleProgress, ProgrammeCompletion
from induction.presentation import module_context
from induction.progress import (
    ProgressRefused,
    QuizSubmissionError,
    StepError,
    mark_read,
    save_checklist,
    save_reflection,
    submit_quiz,
)
from induction.views.common import private, redirect_to


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
        return private(redirect_to(page_url(module, request), anchor))
    context = module_context(request, module, errors=errors, submitted=submitted)
    response = module.render(request, context_overrides=context)
    response.status_code = status
    return private(response)


def module_completed(user, module):
    return ModuleProgress.objects.filter(
        user=user, module_key=module.translation_key, completed_at__isnull=False
    ).exists()
