from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Project registry")

    def ready(self):
        from django.db.models.signals import post_save

        from hub.cache import watch_content
        from hub.crawlers import hide_from_crawlers
        from hub.notifications import register_links
        from projects import (
            page_urls,  # noqa: F401 (the registry's routes: hub.page_routes)
            personal,
            signals,
        )
        from projects.models import ProjectIndexPage, ProjectMember
        from projects.moderation import receivers as moderation
        from projects.routes import crawler_private_paths, registry_url
        from projects.setup import on_index_saved

        hide_from_crawlers(crawler_private_paths)
        register_links("projects", registry_url)  # "projects:request": the registry's routes
        watch_content(ProjectMember)  # a project's page lists its members
        signals.connect()
        moderation.connect()
        personal.connect()
        post_save.connect(
            on_index_saved, sender=ProjectIndexPage, dispatch_uid="projects.configure-index"
        )
