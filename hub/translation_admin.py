"""Admin views: mark a machine translation reviewed; translate a section with progress.

Wired in ``hub/wagtail_hooks.py`` (URLs under ``/admin/translation/`` and the page header's
and page listing's buttons).
"""

from django import forms
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator

from hub import bulk_translation
from hub.languages import language_name
from hub.machine_translation import mark_reviewed
from hub.models import BulkTranslationJob, MachineTranslation


def _forbidden(request):
    """A 403 page (Wagtail's admin answers PermissionDenied with a redirect home)."""
    return render(request, "hub/admin/forbidden.html", status=403)


def _page(page_id):
    page = get_object_or_404(Page, pk=page_id)
    if page.is_root():
        raise Http404
    return page.specific_deferred


@require_http_methods(["GET", "POST"])
def review(request, page_id):
    """Confirm, then mark the page's machine translation reviewed (needs publish permission)."""
    page = _page(page_id)
    if not page.permissions_for_user(request.user).can_publish():
        return _forbidden(request)
    record = MachineTranslation.objects.filter(page=page).select_related("reviewed_by").first()
    if record is None:
        messages.warning(request, _("This page was not translated by machine."))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    if request.method == "POST":
        if mark_reviewed(page, request.user):
            messages.success(request, _("Marked as reviewed: readers no longer see the notice."))
        else:
            messages.info(request, _("This translation was already marked as reviewed."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return render(request, "hub/admin/mark_reviewed.html", {"page": page, "record": record})


class BulkTranslateForm(forms.Form):
    locales = forms.ModelMultipleChoiceField(
        queryset=Locale.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Languages"),
        error_messages={
            "required": gettext_lazy("Choose at least one language."),
            "invalid_choice": gettext_lazy("Choose languages from the list."),
            "invalid_pk_value": gettext_lazy("Choose languages from the list."),
        },
    )
    machine_translate = forms.BooleanField(
        required=False,
        label=gettext_lazy("Machine translate the text that is not translated yet"),
    )
    publish = forms.TypedChoiceField(
        choices=[
            ("0", gettext_lazy("Save as drafts for review")),
            ("1", gettext_lazy("Publish the pages whose original is published")),
        ],
        coerce=lambda value: value == "1",
        initial="0",
        widget=forms.RadioSelect,
        label=gettext_lazy("When done"),
    )

    def __init__(self, *args, section, can_publish, translator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locales"].queryset = Locale.objects.exclude(pk=section.locale_id)
        self.fields["locales"].label_from_instance = lambda locale: language_name(
            locale.language_code
        )
        if translator is None:
            del self.fields["machine_translate"]
        else:
            self.fields["machine_translate"].help_text = _("With: %(name)s") % {
                "name": translator.display_name
            }
        self.can_publish = can_publish

    def clean_publish(self):
        publish = self.cleaned_data["publish"]
        if publish and not self.can_publish:
            raise forms.ValidationError(_("You are not allowed to publish these pages."))
        return publish


@require_http_methods(["GET", "POST"])
def translate_section(request, page_id):
    """The form: which languages, machine translation, publish or drafts; then the job."""
    section = _page(page_id)
    permissions = section.permissions_for_user(request.user)
    if not permissions.can_edit():
        return _forbidden(request)
    translator = get_machine_translator()
    form = BulkTranslateForm(
        request.POST or None,
        section=section,
        can_publish=permissions.can_publish(),
        translator=translator,
    )
    if request.method == "POST":
        if form.is_valid():
            job = bulk_translation.start(
                section,
                form.cleaned_data["locales"],
                request.user,
                machine_translate=form.cleaned_data.get("machine_translate", False),
                publish=form.cleaned_data["publish"],
            )
            return redirect("hub_translation_job", job.pk)
        status = 400
    else:
        status = 200
    context = {
        "section": section,
        "form": form,
        "page_count": bulk_translation.section_pages(section).count(),
        "earlier": BulkTranslationJob.objects.filter(section=section, started_by=request.user)[:5],
    }
    return render(request, "hub/admin/translate_section.html", context, status=status)


def job_progress(request, job_id):
    """The job's progress: a page that updates itself, or JSON with ``?format=json``."""
    job = get_object_or_404(
        BulkTranslationJob.objects.select_related("section", "started_by"), pk=job_id
    )
    own = job.started_by_id == request.user.pk
    if not (own or request.user.is_superuser):
        return _forbidden(request)
    summary = _("%(done)s of %(total)s translations made, %(failed)s failed.") % {
        "done": job.done,
        "total": job.total,
        "failed": job.failed,
    }
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "status": job.status,
                "status_label": str(job.get_status_display()),
                "done": job.done,
                "failed": job.failed,
                "total": job.total,
                "percent": job.percent,
                "finished": job.is_finished,
                "summary": summary,
            }
        )
    return render(
        request,
        "hub/admin/translation_job.html",
        {
            "job": job,
            "summary": summary,
            "languages": [language_name(loc.language_code) for loc in job.locales.all()],
            "json_url": reverse("hub_translation_job", args=[job.pk]) + "?format=json",
        },
    )
