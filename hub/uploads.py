"""Checks on uploaded documents: size, and that the content really is what the name says.

Wagtail already limits documents to ``WAGTAILDOCS_EXTENSIONS`` by name and to
``WAGTAILDOCS_MAX_UPLOAD_SIZE`` in size; this form also
looks inside the file, so an HTML page or a program renamed to ``report.pdf`` is refused,
as are office files that carry macros. Images need no such form: Wagtail opens every
uploaded image with Willow (refusing what is not an image of an allowed type or is larger
than ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` / ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``), and pages only
ever show re-encoded renditions.
"""

from __future__ import annotations

import os
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

OOXML = {"docx", "xlsx", "pptx"}
ODF = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
TEXT = {"txt", "csv"}
SNIFF_BYTES = 64 * 1024


def _zip_contents(upload):
    """``(names, mimetype entry)`` of a zip file, or ``(None, None)`` when it is not one."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype")[:200] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        return None, None
    finally:
        upload.seek(0)
    return names, mimetype.decode(errors="replace").strip()


def check_document(upload) -> None:
    """Raise ``ValidationError`` unless ``upload`` is a safe file of the type its name says.

    (Wagtail checks the size itself, against ``WAGTAILDOCS_MAX_UPLOAD_SIZE``.)
    """
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    mismatch = ValidationError(
        _("The file's content is not a %(type)s document, although its name says so."),
        code="content_mismatch",
        params={"type": extension.upper()},
    )
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if extension == "pdf":
        if b"%PDF-" not in head[:1024]:
            raise mismatch
    elif extension in OOXML or extension in ODF:
        names, mimetype = _zip_contents(upload)
        if names is None:
            raise mismatch
        if extension in OOXML and "[Content_Types].xml" not in names:
            raise mismatch
        if extension in ODF and mimetype != ODF[extension]:
            raise mismatch
        macros = [
            n
            for n in names
            if n.lower().endswith("vbaproject.bin") or n.startswith(("Basic/", "Scripts/"))
        ]
        if macros:
            raise ValidationError(
                _("Documents containing macros are not accepted. Save it without macros."),
                code="macros",
            )
    elif extension in TEXT:
        if b"\x00" in head:
            raise mismatch
        lowered = head[:512].lstrip().lower()
        if lowered.startswith((b"<!doctype", b"<html", b"<script", b"<svg")):
            raise mismatch


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``) with content checks."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "size") and "file" in self.changed_data:
            check_document(upload)
        return upload
