from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InductionConfig(AppConfig):
    name = "induction"
    verbose_name = _("Officer induction")
