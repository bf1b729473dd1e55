"""Checks on uploaded documents: size, that the content really is what the name says, and
that an archive does not unpack into far more than it weighs.

Wagtail already limits documents to ``WAGTAILDOCS_EXTENSIONS`` by name and to
``WAGTAILDOCS_MAX_UPLOAD_SIZE`` in size; this form also
looks inside the file, so an HTML page or a program renamed to ``report.pdf`` is refused,
as are office files that carry macros. Office files are zip archives: each entry is read by
streaming against a budget (``UPLOAD_ARCHIVE_LIMITS``: unpacked bytes in all, entries,
size of the entry table, unpacked-to-packed ratio), counting the bytes that really come
out, never the sizes the archive declares, so a 420 KB "zip bomb" that unpacks to 400 MB is
refused after reading a bounded amount, in bounded memory.

Images need no such form: Wagtail opens every uploaded image with Willow (refusing what is
not an image of an allowed type or is larger than ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` /
``WAGTAILIMAGES_MAX_IMAGE_PIXELS``, read from the header before anything is decoded), pages
only ever show re-encoded renditions, and Pillow's own decompression-bomb limit is set to the
same number of pixels (:func:`limit_image_decoding`).
"""

from __future__ import annotations

import os
import struct
import zipfile
from dataclasses import dataclass

from django.conf import settings
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
CHUNK = 64 * 1024

DEFAULT_ARCHIVE_LIMITS = {
    "unpacked_bytes": 200 * 1024 * 1024,  # all entries together, as they come out
    "entries": 5000,
    "directory_bytes": 2 * 1024 * 1024,  # the archive's table of entries
    "ratio": 100,  # unpacked ÷ packed, once the unpacked total passes ratio_from_bytes
    "ratio_from_bytes": 10 * 1024 * 1024,
}


def archive_limits():
    return {**DEFAULT_ARCHIVE_LIMITS, **getattr(settings, "UPLOAD_ARCHIVE_LIMITS", {})}


def limit_image_decoding():
    """Make Pillow refuse to decode images beyond ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``.

    Pillow warns above ``MAX_IMAGE_PIXELS`` and raises ``DecompressionBombError`` above twice
    that; Wagtail refuses uploads above the setting from the image header already.
    """
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


class ArchiveTooLarge(Exception):
    pass


_EOCD = b"PK\x05\x06"
_EOCD_FORMAT = "<4s4H2LH"
_EOCD_SIZE = struct.calcsize(_EOCD_FORMAT)


def _directory_size(upload):
    """``(entries, directory bytes)`` from the archive's end record, or ``None`` if absent."""
    upload.seek(0, os.SEEK_END)
    size = upload.tell()
    start = max(0, size - (_EOCD_SIZE + 0xFFFF))
    upload.seek(start)
    tail = upload.read()
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        return None
    fields = struct.unpack(_EOCD_FORMAT, tail[at : at + _EOCD_SIZE])
    return fields[4], fields[5]  # total entries, size of the central directory


@dataclass
class ZipContents:
    names: list
    mimetype: str


def _read_zip(upload, limits):
    """The entries of a zip file, each read through to its end against the byte budget.

    Returns ``None`` when it is not a readable zip file; raises :class:`ArchiveTooLarge`
    when it would unpack to more than the limits allow.
    """
    packed = upload.size if hasattr(upload, "size") else None
    end = _directory_size(upload)
    if end is None:
        return None
    entries, directory = end
    if entries == 0xFFFF or directory == 0xFFFFFFFF:  # Zip64: never needed for our sizes
        raise ArchiveTooLarge
    if entries > limits["entries"] or directory > limits["directory_bytes"]:
        raise ArchiveTooLarge
    upload.seek(0)
    with zipfile.ZipFile(upload) as archive:
        infos = archive.infolist()
        if len(infos) > limits["entries"]:
            raise ArchiveTooLarge
        total = 0
        mimetype = b""
        for info in infos:
            if info.is_dir():
                continue
            with archive.open(info) as entry:
                while True:
                    chunk = entry.read(CHUNK)
                    if not chunk:
                        break
                    if info.filename == "mimetype" and len(mimetype) < 200:
                        mimetype += chunk[: 200 - len(mimetype)]
                    total += len(chunk)
                    if total > limits["unpacked_bytes"]:
                        raise ArchiveTooLarge
                    if (
                        packed
                        and total > limits["ratio_from_bytes"]
                        and total > packed * limits["ratio"]
                    ):
                        raise ArchiveTooLarge
    return ZipContents([info.filename for info in infos], mimetype.decode(errors="replace"))


def _zip_contents(upload):
    """The archive's entry names and ``mimetype`` entry, or ``None`` when it is not a zip."""
    try:
        return _read_zip(upload, archive_limits())
    except ArchiveTooLarge:
        raise ValidationError(
            _(
                "This file unpacks to far more data than its size suggests, so it cannot be "
                "accepted. Save it again from your office program, or split it into smaller "
                "files."
            ),
            code="archive_too_large",
        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError):
        # NotImplementedError: a compression method the zip module cannot read.
        return None
    except (RuntimeError, ValueError):  # encrypted entries, corrupt headers
        return None
    finally:
        upload.seek(0)


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
        contents = _zip_contents(upload)
        if contents is None:
            raise mismatch
        names, mimetype = contents.names, contents.mimetype.strip()
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
