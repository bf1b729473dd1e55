"""Front-end forms: registering and editing a project, asking to join, answering requests."""

import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from hub.inputs import IdChoiceField, IdMultipleChoiceField
from hub.models import Campus, Theme, Unit
from projects.models import JoinRequest, ProjectMember, ProjectPage
from projects.models.stopping import stopped_reason_errors
from projects.permissions import OFFICERS


def taxonomy_queryset(model, locale):
    """The values offered in ``locale``: its own, plus default-language ones not yet translated."""
    default = Locale.get_default()
    if locale.pk == default.pk:
        return model.objects.filter(locale=locale).order_by("name")
    translated = model.objects.filter(locale=locale).values("slug")
    return model.objects.filter(
        Q(locale=locale) | (Q(locale=default) & ~Q(slug__in=translated))
    ).order_by("name")


class PersonChoiceField(IdChoiceField):
    def label_from_instance(self, obj):
        return obj.get_display_name()


def _textarea(rows):
    return forms.Textarea(attrs={"rows": rows})


class ProjectForm(forms.Form):
    """A project's content, as staff describe it (used to register and to edit)."""

    title = forms.CharField(
        label=_("Project name"),
        max_length=150,
        help_text=_("A short, plain name, e.g. “Monthly wellbeing poll”."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=400,
        widget=_textarea(3),
        help_text=_("One or two sentences: what the project does and for whom (400 characters)."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=_textarea(8),
        help_text=_(
            "Aims, methods, who is involved, what has happened so far. "
            "Leave a blank line between paragraphs."
        ),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ProjectPage.Status.choices,
        widget=forms.RadioSelect,
        initial=ProjectPage.Status.ACTIVE,
    )
    stage = forms.ChoiceField(
        label=_("Student lifecycle stage"),
        choices=ProjectPage.Stage.choices,
        widget=forms.RadioSelect,
        help_text=_("Access (getting in), success (getting on) or progression (moving on)."),
    )
    themes = IdMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_unit = IdChoiceField(
        label=_("Lead unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Choose a department or service"),
    )
    campuses = IdMultipleChoiceField(
        label=_("Campuses"),
        queryset=Campus.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    start_date = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for ongoing work."),
    )
    union_contact = PersonChoiceField(
        label=_("Union contact"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Nobody yet"),
        help_text=_("The student officer who works on this with you, if there is one."),
    )
    open_to_officers = forms.BooleanField(
        label=_("Student officers can ask to join"), required=False, initial=True
    )
    how_officers_can_help = forms.CharField(
        label=_("How officers can help"),
        max_length=1000,
        required=False,
        widget=_textarea(4),
        help_text=_("Concrete ways a student officer could contribute."),
    )
    outcomes = forms.CharField(
        label=_("Outcomes so far"),
        max_length=2000,
        required=False,
        widget=_textarea(4),
        help_text=_("What has changed because of the project."),
    )
    stopped_reason = forms.CharField(
        label=_("Why it ended or paused"),
        max_length=2000,
        required=False,
        widget=_textarea(4),
        help_text=_(
            "Required when the project is paused or completed: why, and what was learned, "
            "so the work is not lost."
        ),
    )

    def __init__(self, *args, locale, edit_description=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["themes"].queryset = taxonomy_queryset(Theme, locale)
        self.fields["lead_unit"].queryset = taxonomy_queryset(Unit, locale)
        self.fields["campuses"].queryset = taxonomy_queryset(Campus, locale)
        self.fields["union_contact"].queryset = (
            get_user_model()
            .objects.filter(groups__name=OFFICERS, is_active=True)
            .order_by("display_name", "first_name", "email")
        )
        if not edit_description:
            del self.fields["description"]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        for field, message in stopped_reason_errors(
            data.get("status"), data.get("stopped_reason", "")
        ).items():
            self.add_error(field, message)
        return data

    @classmethod
    def initial_for(cls, project, locale):
        """Initial data for editing ``project``, with taxonomy values mapped to ``locale``."""

        def by_slug(model, objects):
            slugs = {obj.slug for obj in objects}
            return [obj for obj in taxonomy_queryset(model, locale) if obj.slug in slugs]

        unit = by_slug(Unit, [project.lead_unit] if project.lead_unit else [])
        return {
            "title": project.title,
            "summary": project.summary,
            "status": project.status,
            "stage": project.stage,
            "themes": by_slug(Theme, project.themes.all()),
            "lead_unit": unit[0] if unit else None,
            "campuses": by_slug(Campus, project.campuses.all()),
            "start_date": project.start_date,
            "end_date": project.end_date,
            "union_contact": project.union_contact,
            "open_to_officers": project.open_to_officers,
            "how_officers_can_help": project.how_officers_can_help,
            "outcomes": project.outcomes,
            "stopped_reason": project.stopped_reason,
        }


class RegistrationForm(ProjectForm):
    """:class:`ProjectForm` plus a one-time token (no duplicates) and a honeypot (no bots)."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial.get("token"):
            self.initial["token"] = uuid.uuid4()

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _("This form could not be sent. If you are a person, leave the last field empty.")
            )
        return ""

    @property
    def content_fields(self):
        return [field for field in self if field.name not in {"token", "website"}]


class JoinRequestForm(forms.ModelForm):
    class Meta:
        model = JoinRequest
        fields = ["message", "how_to_help"]
        labels = {
            "message": _("Your message to the project's leads"),
            "how_to_help": _("How you would like to help"),
        }
        help_texts = {
            "message": _("Who you are, and why this project interests you (2,000 characters)."),
            "how_to_help": _("For example: running a focus group, promoting a survey, co-writing."),
        }
        widgets = {"message": _textarea(6), "how_to_help": _textarea(4)}


class AcceptForm(forms.Form):
    role = forms.CharField(
        label=_("Their role in the project"),
        max_length=ProjectMember._meta.get_field("role").max_length,
        required=False,
        help_text=_("For example: survey champion. You can leave it empty."),
    )


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=_("A note to the officer"),
        max_length=500,
        required=False,
        widget=_textarea(3),
        help_text=_("Optional: why, or what else they could do."),
    )
