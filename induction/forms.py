"""Forms for officers (pledges, tracker, handover) and editors (officer import)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hub.inputs import NULL_FIELD_MESSAGE, IdMultipleChoiceField, has_null
from induction.matching import project_model
from induction.models.handover import Handover, HandoverContact
from induction.models.manifesto import ManifestoTracker, Pledge


class AccessibleFormMixin:
    """Point each invalid field at its error message (``aria-describedby``) and hint.

    Django marks invalid fields ``aria-invalid``; templates give the message the id
    ``<field id>_error`` and the help text ``<field id>_helptext``.
    """

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_error"]
            if bound.help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


class PledgeForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = Pledge
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if len(title) < 3:
            raise ValidationError(_("Write the pledge in at least a few words."))
        return title


class PledgeStatusForm(AccessibleFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=Pledge.Status.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("What happened"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A dated update: what moved, who you met, what comes next."),
    )
    dropped_reason = forms.CharField(
        label=_("Why it was dropped"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you drop a pledge; shown with it."),
    )

    def __init__(self, *args, pledge=None, **kwargs):
        self.pledge = pledge
        kwargs.setdefault(
            "initial",
            {"status": pledge.status, "dropped_reason": pledge.dropped_reason} if pledge else {},
        )
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        note = (cleaned.get("note") or "").strip()
        reason = (cleaned.get("dropped_reason") or "").strip()
        if status == Pledge.Status.DROPPED and not reason:
            self.add_error("dropped_reason", _("Say why the pledge was dropped."))
        if (
            status
            and self.pledge
            and status == self.pledge.status
            and not note
            and (status != Pledge.Status.DROPPED or reason == self.pledge.dropped_reason)
        ):
            raise ValidationError(_("Change the status or write what happened."))
        return cleaned


class TrackerForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = ManifestoTracker
        fields = ["is_public", "intro"]
        labels = {"is_public": _("Publish my manifesto tracker")}
        help_texts = {
            "is_public": _(
                "Anyone can then read your pledges, their status, updates and linked "
                "projects. Your progress and handover stay private."
            )
        }
        widgets = {"intro": forms.Textarea(attrs={"rows": 3})}


class ProjectSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the project registry"), required=False, max_length=200)


class HandoverForm(AccessibleFormMixin, forms.ModelForm):
    """The handover's text fields, unfinished pledges and chosen projects with notes.

    Projects are offered as checkboxes (the author's own projects, those already chosen and
    any found with the search field); each chosen project takes a note on where it stands.
    """

    projects = IdMultipleChoiceField(
        label=_("Ongoing projects"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    project_query = forms.CharField(
        label=_("Find another project"),
        required=False,
        max_length=200,
        help_text=_("Search the registry; matching projects are added to the list below."),
    )

    class Meta:
        model = Handover
        fields = ["overview", "unfinished_pledges", "pledges_note", "pending_decisions", "advice"]
        widgets = {
            "overview": forms.Textarea(attrs={"rows": 4}),
            "pledges_note": forms.Textarea(attrs={"rows": 4}),
            "pending_decisions": forms.Textarea(attrs={"rows": 4}),
            "advice": forms.Textarea(attrs={"rows": 4}),
            "unfinished_pledges": forms.CheckboxSelectMultiple,
        }
        field_classes = {"unfinished_pledges": IdMultipleChoiceField}

    NOTE_MAX = 1000

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = list(candidates)
        self.fields["projects"].queryset = project_model().objects.live()
        self.fields["unfinished_pledges"].queryset = Pledge.objects.filter(
            officer=self.instance.author
        ).exclude(status__in=[Pledge.Status.ACHIEVED])
        self.fields["unfinished_pledges"].required = False
        existing = (
            {link.project_id: link.note for link in self.instance.project_links.all()}
            if self.instance.pk
            else {}
        )
        if not self.is_bound:
            self.initial["projects"] = list(existing)
        self.notes = {}
        for project in self.candidates:
            if self.is_bound:
                self.notes[project.pk] = self.data.get(f"note_{project.pk}", "")
            else:
                self.notes[project.pk] = existing.get(project.pk, "")
        self.note_errors = {}

    def chosen_ids(self):
        if self.is_bound:
            return {str(value) for value in self.data.getlist("projects")}
        return {str(value) for value in self.initial.get("projects", [])}

    def project_rows(self):
        chosen = self.chosen_ids()
        return [
            {
                "project": project,
                "checked": str(project.pk) in chosen,
                "note": self.notes.get(project.pk, ""),
                "error": self.note_errors.get(project.pk),
            }
            for project in self.candidates
        ]

    def clean(self):
        cleaned = super().clean()
        for project in cleaned.get("projects") or []:
            note = self.data.get(f"note_{project.pk}", "").strip()
            if has_null(note):
                self.note_errors[project.pk] = NULL_FIELD_MESSAGE
            elif len(note) > self.NOTE_MAX:
                self.note_errors[project.pk] = _("Keep the note under %(max)s characters.") % {
                    "max": self.NOTE_MAX
                }
        if self.note_errors:
            raise ValidationError(_("Shorten the notes marked below."))
        return cleaned

    def save_projects(self, handover):
        """Keep exactly the chosen projects, each with its note."""
        chosen = {project.pk: project for project in self.cleaned_data.get("projects") or []}
        handover.project_links.exclude(project_id__in=chosen).delete()
        for pk in chosen:
            note = self.data.get(f"note_{pk}", "").strip()
            handover.project_links.update_or_create(project_id=pk, defaults={"note": note})


class HandoverContactForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = HandoverContact
        fields = ["name", "role", "email", "why"]
        widgets = {"why": forms.Textarea(attrs={"rows": 2})}


HandoverContactFormSet = forms.inlineformset_factory(
    Handover,
    HandoverContact,
    form=HandoverContactForm,
    extra=2,
    max_num=30,
    can_delete=True,
)


class OfficerImportForm(forms.Form):
    MAX_BYTES = 1024 * 1024

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: name, email, role, start, end and, optionally, language (a header row "
            "first). Roles by name or slug; dates as YYYY-MM-DD or DD/MM/YYYY; languages as "
            "en, de, fr, es, it, pl, sl, nl or by name (Deutsch, German)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise ValidationError(_("The file is too large (at most 1 MB)."))
        name = upload.name.lower()
        if not name.endswith((".csv", ".txt")):
            raise ValidationError(_("Upload a .csv file."))
        return upload
