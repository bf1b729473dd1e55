from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self):
        from hub.cache import watch_content
        from knowledge import page_urls  # noqa: F401 (the guideline's route: hub.page_routes)
        from knowledge.models import Audience

        watch_content(Audience)  # guidance pages name their audiences
