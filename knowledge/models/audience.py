"""The four audiences guidance is written for.

They are fixed (the knowledge base is organised around them), so they live in a small table
seeded by a migration rather than in an editable snippet; their names are translated with
Django's own translation machinery, like any other interface text.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.Model):
    """A group of readers: staff, leaders, learners or external partners."""

    class Slug(models.TextChoices):
        STAFF = "staff", _("Teaching and support staff")
        LEADERS = "leaders", _("Managers and institutional leaders")
        LEARNERS = "learners", _("Learners and their representatives")
        PARTNERS = "partners", _("External partners")

    DESCRIPTIONS = {
        Slug.STAFF: _(
            "Teachers, tutors and programme leaders, and the people in learner support, "
            "careers guidance and administration who work with learners every day."
        ),
        Slug.LEADERS: _(
            "The people who set priorities and provide the money, time, rooms and staff "
            "that partnership work needs."
        ),
        Slug.LEARNERS: _(
            "Students and apprentices, and the elected officers and course representatives "
            "who speak for them."
        ),
        Slug.PARTNERS: _(
            "Quality agencies, public bodies, NGOs, families and the employers who host "
            "practical training."
        ),
    }

    slug = models.CharField(_("audience"), max_length=20, choices=Slug.choices, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return self.get_slug_display()

    @property
    def description(self):
        return self.DESCRIPTIONS.get(self.slug, "")

    @classmethod
    def label_for(cls, slug):
        try:
            return cls.Slug(slug).label
        except ValueError:
            return slug
