"""The foundation's models, re-exported so ``from hub.models import X`` keeps working."""

from .accounts import PasswordResetRequest
from .notifications import Notification
from .pages import HomePage
from .taxonomy import Campus, Theme, Unit
from .users import User

__all__ = [
    "Campus",
    "HomePage",
    "Notification",
    "PasswordResetRequest",
    "Theme",
    "Unit",
    "User",
]
