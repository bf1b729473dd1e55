from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InductionConfig(AppConfig):
    name = "induction"
    verbose_name = _("Officer induction")

    def ready(self):
        from django.db.models.signals import post_save

        from hub import personal_data
        from hub.cache import watch_content
        from induction import page_urls  # noqa: F401 (the pages' routes: hub.page_routes)
        from induction import personal_data as induction_data
        from induction.models import ManifestoTracker, OfficerTerm, Pledge, PledgeUpdate
        from induction.signals import term_saved

        # Officers' public manifesto trackers are pages anonymous readers see.
        watch_content(ManifestoTracker, Pledge, PledgeUpdate)

        personal_data.register(
            "induction", export=induction_data.export_user, erase=induction_data.erase_user
        )
        post_save.connect(term_saved, sender=OfficerTerm, dispatch_uid="induction.term_saved")
