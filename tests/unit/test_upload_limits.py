"""Uploads cannot exhaust the server: archives are read against a budget, images by header."""

import io
import struct
import time
import tracemalloc
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images.forms import get_image_form
from wagtail.images.models import Image

from tests.factories import make_user

TOO_LARGE = "unpacks to far more data than its size suggests"


def _office(extra=(), compress=zipfile.ZIP_DEFLATED):
    """A minimal .docx with ``extra`` ``(name, size in MB of zeros)`` entries, streamed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compress, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        zeros = b"\0" * (1024 * 1024)
        for name, megabytes in extra:
            with archive.open(name, "w", force_zip64=False) as entry:
                for _ in range(megabytes):
                    entry.write(zeros)
    return buffer.getvalue()


def _form(name, content):
    form_class = get_document_form(get_document_model())
    return form_class(
        data={"title": name},
        files={"file": SimpleUploadedFile(name, content)},
        user=make_user(is_superuser=True),
    )


def test_a_zip_bomb_is_refused_quickly_in_bounded_memory(db):
    # The report's file: about 400 KB that unpacks to 400 MB.
    bomb = _office([("word/media/filler.xml", 400)])
    assert len(bomb) < 500 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        form = _form("bomb.docx", bomb)
        assert not form.is_valid()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert TOO_LARGE in str(form.errors["file"])
    assert peak < 16 * 1024 * 1024  # bytes, for the whole form: never the unpacked data
    assert time.perf_counter() - started < 5


def test_the_budget_counts_all_entries_together(db, settings):
    settings.UPLOAD_ARCHIVE_LIMITS = {"unpacked_bytes": 5 * 1024 * 1024, "ratio": 10**6}
    # Five entries of 2 MB: each is under the budget, together they are not.
    archive = _office([(f"word/part{n}.xml", 2) for n in range(5)])
    form = _form("parts.docx", archive)
    assert not form.is_valid()
    assert TOO_LARGE in str(form.errors["file"])
    settings.UPLOAD_ARCHIVE_LIMITS = {"unpacked_bytes": 20 * 1024 * 1024, "ratio": 10**6}
    assert _form("parts.docx", archive).is_valid()


def test_the_ratio_limit_applies_once_the_unpacked_size_is_large(db, settings):
    settings.UPLOAD_ARCHIVE_LIMITS = {"ratio": 50, "ratio_from_bytes": 1024 * 1024}
    assert not _form("dense.docx", _office([("word/dense.xml", 3)])).is_valid()
    # Stored (uncompressed) data has a ratio of 1: fine at any size under the budget.
    assert _form("plain.docx", _office([("word/plain.xml", 3)], zipfile.ZIP_STORED)).is_valid()


def test_too_many_entries_are_refused(db, settings):
    settings.UPLOAD_ARCHIVE_LIMITS = {"entries": 50}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for n in range(60):
            archive.writestr(f"word/{n}.xml", "<x/>")
    form = _form("many.docx", buffer.getvalue())
    assert not form.is_valid()
    assert TOO_LARGE in str(form.errors["file"])


def test_declared_sizes_are_not_trusted(db, settings):
    """An entry table that claims tiny sizes changes nothing: the real bytes are counted."""
    settings.UPLOAD_ARCHIVE_LIMITS = {"unpacked_bytes": 3 * 1024 * 1024}
    data = bytearray(_office([("word/liar.xml", 8)]))
    # Rewrite every central-directory record's "uncompressed size" to 1 byte.
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        struct.pack_into("<L", data, at + 24, 1)
        at += 4
    form = _form("liar.docx", bytes(data))
    assert not form.is_valid()  # refused: too large, or not a readable document


def test_an_encrypted_or_unreadable_entry_is_a_mismatch_not_an_error(db):
    data = bytearray(_office([("word/x.xml", 1)]))
    at = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, at + 10, 99)  # an unknown compression method
    form = _form("odd.docx", bytes(data))
    assert not form.is_valid()
    assert "not a DOCX document" in str(form.errors["file"])


def test_an_ordinary_office_file_still_passes(db):
    assert _form("plan.docx", _office([("word/styles.xml", 1)])).is_valid()
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    assert _form("plan.odt", odt.getvalue()).is_valid()


# --- Images --------------------------------------------------------------------------------


def test_pillow_refuses_to_decode_beyond_the_upload_limit(settings):
    assert PILImage.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def _png_header(width, height):
    """A tiny PNG that declares ``width`` × ``height`` pixels (its data is mostly absent)."""

    def chunk(kind, body):
        return (
            struct.pack(">L", len(body))
            + kind
            + body
            + struct.pack(">L", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">LLBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 1000, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_an_image_declaring_too_many_pixels_is_refused_from_its_header(db):
    form_class = get_image_form(Image)
    form = form_class(
        data={"title": "bomb"},
        files={"file": SimpleUploadedFile("bomb.png", _png_header(20000, 20000))},
        user=make_user(is_superuser=True),
    )
    assert not form.is_valid()
    assert "too many pixels" in str(form.errors["file"])
