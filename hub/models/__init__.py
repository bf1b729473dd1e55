"""The foundation's models, re-exported so ``from hub.models import X`` keeps working."""

from .accounts import PasswordResetRequest
from .counters import RateCounter
from .machine import BulkTranslationJob, MachineTranslation
from .notifications import Notification
from .pages import HomePage
from .taxonomy import Campus, Theme, Unit
from .users import User

__all__ = [
    "BulkTranslationJob",
    "Campus",
    "HomePage",
    "MachineTranslation",
    "Notification",
    "PasswordResetRequest",
    "RateCounter",
    "Theme",
    "Unit",
    "User",
]
