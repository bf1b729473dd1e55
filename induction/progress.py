"""Who counts as an officer, which modules are theirs, and their saved progress.

Everything that changes progress goes through :func:`check_can_track` first: only an officer
with a current or upcoming term may save progress, and only on modules of their own year's
programme meant for their role, once the module's prerequisite is done.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from induction.models.progress import (
    ChecklistTick,
    ModuleProgress,
    ProgrammeCompletion,
    QuizAttempt,
    ReflectionAnswer,
)
from induction.models.roles import OfficerTerm
from induction.quiz import QuizSubmissionError, attempts_left, grade_quiz


@dataclass
class Officer:
    """A signed-in user's current or upcoming terms, and what follows from them."""

    user: object
    terms: list
    year: int
    role_slugs: set = field(default_factory=set)

    @property
    def term(self):
        return self.terms[0]

    @property
    def roles(self):
        return [term.role for term in self.terms if term.starts_on.year == self.year]


def officer_for(user, today=None):
    """The :class:`Officer` for ``user``, or ``None`` when they hold no current or
    upcoming term."""
    if not getattr(user, "is_authenticated", False):
        return None
    terms = list(
        OfficerTerm.objects.filter(user=user)
        .current_or_upcoming(today)
        .select_related("role")
        .order_by("starts_on", "pk")
    )
    if not terms:
        return None
    year = terms[0].starts_on.year
    roles = {term.role.slug for term in terms if term.starts_on.year == year}
    return Officer(user=user, terms=terms, year=year, role_slugs=roles)


class ProgressRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class ModuleState:
    module: object
    done: bool = False
    started: bool = False
    locked_by: object = None
    items_total: int = 0
    items_done: int = 0
    quizzes_total: int = 0
    quizzes_passed: int = 0
    completed_at: object = None
    updated_at: object = None
    last_step: str = ""
    due_date: object = None

    @property
    def overdue(self):
        return bool(self.due_date and not self.done and self.due_date < timezone.localdate())


class ProgressBook:
    """One officer's progress across a list of modules, read in three queries."""

    def __init__(self, user, modules, programme=None):
        self.user = user
        self.modules = list(modules)
        self.programme = programme
        keys = [module.translation_key for module in self.modules]
        self.records = {
            record.module_key: record
            for record in ModuleProgress.objects.filter(user=user, module_key__in=keys)
        }
        self.ticks = defaultdict(set)
        for key, item_id in ChecklistTick.objects.filter(
            user=user, module_key__in=keys
        ).values_list("module_key", "item_id"):
            self.ticks[key].add(item_id)
        self.passed = defaultdict(set)
        for key, quiz_id in QuizAttempt.objects.filter(
            user=user, module_key__in=keys, passed=True
        ).values_list("module_key", "quiz_id"):
            self.passed[key].add(quiz_id)
        self._states = {}

    def is_done(self, translation_key):
        record = self.records.get(translation_key)
        return bool(record and record.completed_at)

    def state(self, module):
        key = module.translation_key
        if key in self._states:
            return self._states[key]
        record = self.records.get(key)
        items = module.checklist_item_ids
        quizzes = module.quiz_ids
        locked_by = None
        prerequisite = module.prerequisite
        in_book = {m.translation_key: m for m in self.modules}
        if prerequisite is not None and prerequisite.translation_key in in_book:
            if not self.is_done(prerequisite.translation_key):
                locked_by = in_book[prerequisite.translation_key]
        state = ModuleState(
            module=module,
            done=bool(record and record.completed_at),
            started=record is not None,
            locked_by=locked_by,
            items_total=len(items),
            items_done=len(set(items) & self.ticks[key]),
            quizzes_total=len(quizzes),
            quizzes_passed=len(set(quizzes) & self.passed[key]),
            completed_at=record.completed_at if record else None,
            updated_at=record.updated_at if record else None,
            last_step=record.last_step if record else "",
            due_date=module.effective_due_date(self.programme) if self.programme else None,
        )
        self._states[key] = state
        return state

    def states(self):
        return [self.state(module) for module in self.modules]

    @property
    def done_count(self):
        return sum(1 for state in self.states() if state.done)

    @property
    def total(self):
        return len(self.modules)

    @property
    def percent(self):
        return round(100 * self.done_count / self.total) if self.total else 0

    @property
    def all_done(self):
        return self.total > 0 and self.done_count == self.total

    def next_state(self):
        """Where to pick up: the module worked on most recently that is not finished, else
        the first one not finished and not waiting for its prerequisite."""
        open_states = [s for s in self.states() if not s.done and not s.locked_by]
        started = [s for s in open_states if s.started]
        if started:
            return max(started, key=lambda s: s.updated_at)
        return open_states[0] if open_states else None

    def overdue(self):
        return [state for state in self.states() if state.overdue]


# --- Checks --------------------------------------------------------------------------------


def check_can_track(user, module, today=None):
    """Return ``(officer, programme)`` when ``user`` may save progress on ``module``; raise
    :class:`ProgressRefused` with a reason the reader can act on otherwise."""
    officer = officer_for(user, today)
    if officer is None:
        raise ProgressRefused(_("Only officers with a current or upcoming term can save progress."))
    # The parent programme in one query (modules live only under programmes). Looked up by
    # name: the page models import the views, which import this module.
    programmes = apps.get_model("induction", "InductionProgrammePage").objects
    programme = programmes.parent_of(module).first()
    if getattr(programme, "year", None) != officer.year:
        raise ProgressRefused(
            _("This module belongs to another year's programme, not yours (%(year)s).")
            % {"year": officer.year}
        )
    if not module.applies_to(officer.role_slugs):
        raise ProgressRefused(_("This module is meant for other roles than yours."))
    prerequisite = module.prerequisite
    if (
        prerequisite is not None
        and prerequisite.live
        and prerequisite.applies_to(officer.role_slugs)
    ):
        done = ModuleProgress.objects.filter(
            user=user, module_key=prerequisite.translation_key, completed_at__isnull=False
        ).exists()
        if not done:
            raise ProgressRefused(_("Complete “%(title)s” first.") % {"title": prerequisite.title})
    return officer, programme


def _find_block(module, block_id, block_type):
    for block in module.lessons:
        if block.id == block_id and block.block_type == block_type:
            return block
    return None


def _touch(user, module, programme, step):
    """The officer's record for ``module``, locked until the transaction ends (on PostgreSQL),
    its last step set to ``step``."""
    record, _created = ModuleProgress.objects.select_for_update().get_or_create(
        user=user,
        module_key=module.translation_key,
        defaults={"programme_key": programme.translation_key, "last_step": step},
    )
    if not _created:
        record.last_step = step
        record.save(update_fields=["last_step", "updated_at"])
    return record


class StepError(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- Saving progress -----------------------------------------------------------------------


@transaction.atomic
def save_checklist(user, module, block_id, item_ids):
    """Make the ticks of one checklist exactly ``item_ids`` (a subset of its items)."""
    officer, programme = check_can_track(user, module)
    block = _find_block(module, block_id, "checklist")
    if block is None:
        raise StepError(_("This checklist no longer exists. Reload the page."))
    valid = [item.id for item in block.value["items"].bound_blocks]
    chosen = set(item_ids)
    if not chosen <= set(valid):
        raise StepError(_("These items do not belong to this checklist. Reload the page."))
    key = module.translation_key
    ChecklistTick.objects.filter(user=user, module_key=key, item_id__in=valid).exclude(
        item_id__in=chosen
    ).delete()
    existing = set(
        ChecklistTick.objects.filter(user=user, module_key=key, item_id__in=chosen).values_list(
            "item_id", flat=True
        )
    )
    ChecklistTick.objects.bulk_create(
        [
            ChecklistTick(user=user, module_key=key, item_id=i)
            for i in valid
            if i in chosen - existing
        ]
    )
    record = _touch(user, module, programme, block_id)
    return refresh_completion(user, module, programme, officer, record)


@transaction.atomic
def submit_quiz(user, module, quiz_id, selections):
    """Mark a quiz submission on the server and record the attempt."""
    officer, programme = check_can_track(user, module)
    block = _find_block(module, quiz_id, "quiz")
    if block is None:
        raise StepError(_("This quiz no longer exists. Reload the page."))
    outcome = grade_quiz(block.value, selections)  # raises QuizSubmissionError
    earlier = QuizAttempt.objects.select_for_update().filter(
        user=user, module_key=module.translation_key, quiz_id=quiz_id
    )
    used = len(earlier.values_list("pk", flat=True))  # locks the rows on PostgreSQL
    already_passed = earlier.filter(passed=True).exists()
    if not already_passed and attempts_left(block.value, used) == 0:
        raise StepError(
            ngettext(
                "You have used your %(count)d attempt at this quiz. Your induction "
                "coordinator can allow more.",
                "You have used all %(count)d attempts at this quiz. Your induction "
                "coordinator can allow more.",
                used,
            )
            % {"count": used}
        )
    attempt = QuizAttempt.objects.create(
        user=user,
        module_key=module.translation_key,
        quiz_id=quiz_id,
        answers=selections,
        results=outcome["results"],
        score=outcome["score"],
        total=outcome["total"],
        passed=outcome["passed"],
    )
    record = _touch(user, module, programme, quiz_id)
    refresh_completion(user, module, programme, officer, record)
    return attempt


@transaction.atomic
def save_reflection(user, module, block_id, text):
    officer, programme = check_can_track(user, module)
    if _find_block(module, block_id, "reflection") is None:
        raise StepError(_("This question no longer exists. Reload the page."))
    text = text.strip()
    if len(text) > 5000:
        raise StepError(_("Keep your answer under 5,000 characters."))
    if text:
        ReflectionAnswer.objects.update_or_create(
            user=user,
            module_key=module.translation_key,
            block_id=block_id,
            defaults={"text": text},
        )
    else:
        ReflectionAnswer.objects.filter(
            user=user, module_key=module.translation_key, block_id=block_id
        ).delete()
    _touch(user, module, programme, block_id)


@transaction.atomic
def mark_read(user, module):
    """Complete a module that has neither checklist nor quiz."""
    officer, programme = check_can_track(user, module)
    if module.has_steps:
        raise StepError(_("Finish the checklist and pass the quiz to complete this module."))
    record = _touch(user, module, programme, "")
    return refresh_completion(user, module, programme, officer, record)


def refresh_completion(user, module, programme, officer, record=None):
    """Set or clear the module's completion, then the programme badge. Returns whether the
    module is complete. ``record`` is the module's progress record when the caller holds it
    (locked, from :func:`_touch`)."""
    key = module.translation_key
    if record is None:
        record = ModuleProgress.objects.select_for_update().get(user=user, module_key=key)
    items = set(module.checklist_item_ids)
    quizzes = set(module.quiz_ids)
    ticked = set(
        ChecklistTick.objects.filter(user=user, module_key=key).values_list("item_id", flat=True)
    )
    passed = set(
        QuizAttempt.objects.filter(user=user, module_key=key, passed=True).values_list(
            "quiz_id", flat=True
        )
    )
    complete = items <= ticked and quizzes <= passed
    if complete and record.completed_at is None:
        record.completed_at = timezone.now()
        record.save(update_fields=["completed_at"])
    elif not complete and record.completed_at is not None:
        record.completed_at = None
        record.save(update_fields=["completed_at"])
    module_keys = programme.module_keys_for(officer.role_slugs)
    book_done = ModuleProgress.objects.filter(
        user=user, module_key__in=module_keys, completed_at__isnull=False
    ).count()
    if module_keys and book_done == len(module_keys):
        ProgrammeCompletion.objects.get_or_create(
            user=user,
            programme_key=programme.translation_key,
            defaults={"programme_title": programme.title},
        )
    else:
        ProgrammeCompletion.objects.filter(
            user=user, programme_key=programme.translation_key
        ).delete()
    return complete


__all__ = [
    "ModuleState",
    "Officer",
    "ProgressBook",
    "ProgressRefused",
    "QuizSubmissionError",
    "StepError",
    "check_can_track",
    "mark_read",
    "officer_for",
    "save_checklist",
    "save_reflection",
    "submit_quiz",
]
