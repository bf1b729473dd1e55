"""The knowledge base's models, re-exported so ``from knowledge.models import X`` works."""

from .audience import Audience
from .feedback import Feedback
from .guideline import (
    GuidelinePage,
    GuidelineRelatedGuidance,
    GuidelineRelatedProject,
    GuidelineResourceLink,
)
from .index import KnowledgeFeaturedLink, KnowledgeIndexPage
from .resources import Resource

__all__ = [
    "Audience",
    "Feedback",
    "GuidelinePage",
    "GuidelineRelatedGuidance",
    "GuidelineRelatedProject",
    "GuidelineResourceLink",
    "KnowledgeFeaturedLink",
    "KnowledgeIndexPage",
    "Resource",
]
