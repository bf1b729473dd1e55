from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Partnership Hub")

    def ready(self):
        from django.core import checks

        from hub import aliases, machine_translation, personal_export, profiles
        from hub.cache import check_shared_cache, connect_signals, watch_content
        from hub.models import MachineTranslation
        from hub.uploads import limit_image_decoding

        # First: a published page gets its aliases before caches move to the new version.
        aliases.connect()
        connect_signals()
        checks.register(check_shared_cache, checks.Tags.caches, deploy=True)
        limit_image_decoding()
        personal_export.connect()
        profiles.connect()
        machine_translation.connect()
        watch_content(MachineTranslation)  # its notice is on the page readers see
