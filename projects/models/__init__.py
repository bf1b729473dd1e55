"""The registry's models, re-exported so ``from projects.models import X`` works.

The registry page (:mod:`.registry`), the projects (:mod:`.project`), the people around them
(:mod:`.people`), saved searches and their alerts (:mod:`.alerts`) and the rule for saying
why a project stopped (:mod:`.stopping`).
"""

from .alerts import SavedSearch, SentAlert
from .people import JoinRequest, JoinRequestEvent, ProjectMember, ProjectRegistration
from .project import ProjectPage
from .registry import ProjectIndexPage

__all__ = [
    "JoinRequest",
    "JoinRequestEvent",
    "ProjectIndexPage",
    "ProjectMember",
    "ProjectPage",
    "ProjectRegistration",
    "SavedSearch",
    "SentAlert",
]
