from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Partnership Hub")

    def ready(self):
        from hub import languages, personal_export, profiles
        from hub.cache import connect_signals
        from hub.uploads import limit_image_decoding

        # First: a published page gets its aliases before caches move to the new version.
        languages.connect()
        connect_signals()
        limit_image_decoding()
        personal_export.connect()
        profiles.connect()
