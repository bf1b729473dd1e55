"""Keep the registry's cached facet index in step with published content."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from hub.models import Campus, Theme, Unit
from projects.facets import bump_version

DISPATCH = "projects.registry-version"


def connect():
    from projects.models import ProjectPage

    page_published.connect(bump_version, sender=ProjectPage, dispatch_uid=DISPATCH + ".pub")
    page_unpublished.connect(bump_version, sender=ProjectPage, dispatch_uid=DISPATCH + ".unpub")
    page_slug_changed.connect(bump_version, sender=ProjectPage, dispatch_uid=DISPATCH + ".slug")
    post_delete.connect(bump_version, sender=ProjectPage, dispatch_uid=DISPATCH + ".delete")
    post_save.connect(bump_version, sender=PageViewRestriction, dispatch_uid=DISPATCH + ".pvr")
    post_delete.connect(bump_version, sender=PageViewRestriction, dispatch_uid=DISPATCH + ".pvrd")
    for model in (Theme, Unit, Campus):
        post_save.connect(bump_version, sender=model, dispatch_uid=f"{DISPATCH}.{model.__name__}")
        post_delete.connect(
            bump_version, sender=model, dispatch_uid=f"{DISPATCH}.{model.__name__}.d"
        )
