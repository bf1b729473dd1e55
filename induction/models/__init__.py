"""Induction models, re-exported so ``from induction.models import X`` keeps working."""

from .handover import Handover, HandoverContact, HandoverProject
from .manifesto import ManifestoTracker, Pledge, PledgeUpdate
from .pages import InductionIndexPage, InductionProgrammePage, TrainingModulePage
from .progress import (
    CalendarToken,
    ChecklistTick,
    ModuleProgress,
    ProgrammeCompletion,
    QuizAttempt,
    ReflectionAnswer,
)
from .roles import OfficerRole, OfficerTerm

__all__ = [
    "CalendarToken",
    "ChecklistTick",
    "Handover",
    "HandoverContact",
    "HandoverProject",
    "InductionIndexPage",
    "InductionProgrammePage",
    "ManifestoTracker",
    "ModuleProgress",
    "OfficerRole",
    "OfficerTerm",
    "Pledge",
    "PledgeUpdate",
    "ProgrammeCompletion",
    "QuizAttempt",
    "ReflectionAnswer",
    "TrainingModulePage",
]
