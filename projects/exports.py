"""Open data: the registry's current results as CSV or JSON, every page of them.

An export lists exactly what the reader sees on the listing (same query, filters, language
scope and sort, :class:`projects.listing.RegistryQuery`), streamed in chunks of
``EXPORT_CHUNK`` projects: each chunk costs the same three queries (the projects with their
lead unit, their themes, their campuses) whatever the number of projects, and memory stays
flat. Only public fields are written: never a contact, a member, a join request or a message.

``/en/projects/export/csv/?q=survey&theme=wellbeing&sort=newest`` (and ``export/json/``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from itertools import islice

from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hub import ratelimits
from hub.i18n import default_locale
from hub.languages import content_language, with_content_locale
from hub.security import client_ip
from hub.spreadsheets import csv_lines
from projects.facets import facet_labels
from projects.listing import PAGE_URL_FIELDS

EXPORT_CHUNK = 500
# Anonymous clients may start this many exports per window (seconds); signed-in users are
# not limited. An export of the whole registry is the most expensive request the site has.
ANONYMOUS_EXPORTS = 30
EXPORT_WINDOW = 600
EXPORT_FIELDS = (
    *PAGE_URL_FIELDS,
    "translation_key",
    "title",
    "slug",
    "summary",
    "status",
    "stage",
    "open_to_officers",
    "first_published_at",
    "last_published_at",
    "lead_unit__slug",
    "lead_unit__name",
)
# (stable English key for JSON, translated column heading for CSV), in column order.
COLUMNS = (
    ("title", _("Title")),
    ("url", pgettext_lazy("open data column: the page's web address", "Link")),
    ("summary", _("Summary")),
    ("status", _("Status")),
    ("stage", _("Student lifecycle stage")),
    ("themes", _("Themes")),
    ("lead_unit", _("Lead unit")),
    ("campuses", _("Campuses")),
    ("open_to_officers", _("Open to officers")),
    ("language", _("Language")),
    ("first_published", _("First published")),
    ("last_updated", _("Last updated")),
)


def ordered_pks(rows) -> Iterator[int]:
    """Every primary key of a listing's rows (what its Paginator pages through), in order.

    A queryset of keys (the ORM listing) is read with ``iterator``; the facet index's and a
    search's selections are sliced; an engine window may answer fewer keys than asked for
    (one page at a time), so the next slice starts where the last one ended.
    """
    queryset = getattr(rows, "rows", None)
    if queryset is not None:
        yield from queryset.iterator(chunk_size=EXPORT_CHUNK)
        return
    total, start = len(rows), 0
    while start < total:
        found = list(rows[start : start + EXPORT_CHUNK])
        if not found:
            return
        yield from found
        start += len(found)


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Exporter:
    """The public record of every project a registry listing found, chunk by chunk."""

    def __init__(self, registry_page, result, request):
        self.registry_page = registry_page
        self.result = result
        self.request = request
        self.base_url = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
        self.labels = facet_labels(registry_page.locale_id, default_locale().pk)

    def records(self) -> Iterator[dict]:
        from projects.models import ProjectPage

        themes = {fv.value: fv.label for fv in self.labels.get("theme", [])}
        units = {fv.value: fv.label for fv in self.labels.get("unit", [])}
        campuses = {fv.value: fv.label for fv in self.labels.get("campus", [])}
        site = self.registry_page.get_site()
        for pks in _chunks(ordered_pks(self.result.paginator.object_list), EXPORT_CHUNK):
            projects = {
                project.pk: project
                for project in with_content_locale(ProjectPage.objects.filter(pk__in=pks))
                .select_related("lead_unit")
                .only(*EXPORT_FIELDS)
                .iterator(chunk_size=EXPORT_CHUNK)
            }
            theme_names = self._names(ProjectPage.themes.through, "theme", pks, themes)
            campus_names = self._names(ProjectPage.campuses.through, "campus", pks, campuses)
            for pk in pks:
                project = projects.get(pk)
                if project is None:  # unpublished since the search ran
                    continue
                unit = project.lead_unit
                yield {
                    "title": project.title,
                    "url": self._absolute(project.get_url(self.request, current_site=site)),
                    "summary": project.summary,
                    "status": project.status,
                    "stage": project.stage,
                    "themes": theme_names.get(pk, []),
                    "lead_unit": units.get(unit.slug, unit.name) if unit else "",
                    "campuses": campus_names.get(pk, []),
                    "open_to_officers": project.open_to_officers,
                    "language": content_language(project),
                    "first_published": project.first_published_at,
                    "last_updated": project.last_published_at,
                }

    @staticmethod
    def _names(through, name, pks, labels):
        """``{project pk: [localised names]}`` of one many-to-many facet, in one query."""
        links = through.objects.filter(projectpage_id__in=pks).values_list(
            "projectpage_id", f"{name}__slug", f"{name}__name"
        )
        names = {}
        for project_id, slug, default in links.order_by(f"{name}__name"):
            names.setdefault(project_id, []).append(labels.get(slug, default))
        return names

    def _absolute(self, url):
        if not url or "://" in url:
            return url or ""
        if self.base_url:
            return self.base_url + url
        return self.request.build_absolute_uri(url)

    # --- formats ------------------------------------------------------------------------

    def csv_rows(self):
        from projects.models import ProjectPage

        keys = [key for key, _label in COLUMNS]
        # Translated once per export (a lazy label costs a catalogue look-up on every use).
        statuses = {value: str(label) for value, label in ProjectPage.Status.choices}
        stages = {value: str(label) for value, label in ProjectPage.Stage.choices}
        answers = {True: str(_("Yes")), False: str(_("No"))}
        for record in self.records():
            record["status"] = statuses.get(record["status"], record["status"])
            record["stage"] = stages.get(record["stage"], record["stage"])
            record["open_to_officers"] = answers[record["open_to_officers"]]
            yield [record[key] for key in keys]

    def json_chunks(self):
        yield "["
        separator = "\n"
        for record in self.records():
            for key in ("first_published", "last_updated"):
                value = record[key]
                record[key] = value.isoformat() if value else None
            yield separator + json.dumps(record, ensure_ascii=False)
            separator = ",\n"
        yield "\n]\n"


def _in_language(language, chunks):
    """``chunks`` produced in ``language``: a streamed body is read after the view returned."""
    with translation.override(language):
        yield from chunks


def filename(registry_page, extension):
    """``projects-en-2026-12-04.csv``: what, in which language, from which day."""
    language = registry_page.locale.language_code
    return f"projects-{language}-{timezone.localdate().isoformat()}.{extension}"


def export_response(registry_page, result, request, kind):
    """The streamed download of ``result`` as ``kind`` (``"csv"`` or ``"json"``)."""
    exporter = Exporter(registry_page, result, request)
    language = translation.get_language()
    if kind == "csv":
        body = csv_lines([label for _key, label in COLUMNS], exporter.csv_rows())
        content_type = "text/csv; charset=utf-8"
    else:
        body = (chunk.encode("utf-8") for chunk in exporter.json_chunks())
        content_type = "application/json; charset=utf-8"
    response = StreamingHttpResponse(_in_language(language, body), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(registry_page, kind)}"'
    response["Cache-Control"] = "private, no-store"
    return response


def over_export_limit(request) -> bool:
    """Count an anonymous client's export; ``True`` when it is over its limit."""
    if request.user.is_authenticated:
        return False
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    return ratelimits.hit(f"projects:export:{digest}", EXPORT_WINDOW) > ANONYMOUS_EXPORTS
