"""Uploads: documents by type (checked by content) and size, no SVG images, safe serving.

Budgets for archives and image sizes are in test_upload_limits.py.
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images.forms import get_image_form
from wagtail.images.models import Image

from tests.factories import make_user

# --- Uploads -------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _zip(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _document_form(name, content):
    form_class = get_document_form(get_document_model())
    return form_class(
        data={"title": name},
        files={"file": SimpleUploadedFile(name, content)},
        user=make_user(is_superuser=True),
    )


@pytest.mark.parametrize(
    "name, content",
    [
        ("guide.pdf", PDF),
        ("notes.txt", "Plain notes – ünïcode".encode()),
        ("data.csv", b"project,status\npoll,active\n"),
        ("plan.docx", _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})),
        ("plan.odt", _zip({"mimetype": "application/vnd.oasis.opendocument.text"})),
    ],
)
def test_documents_of_allowed_types_are_accepted(db, name, content):
    form = _document_form(name, content)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("report.pdf", b"<html><script>alert(1)</script></html>", "not a PDF document"),
        ("notes.txt", b"<!DOCTYPE html><script>alert(1)</script>", "not a TXT document"),
        ("tool.txt", b"MZ\x90\x00\x03\x00\x00\x00", "not a TXT document"),
        ("plan.docx", b"PK\x03\x04 not really a zip", "not a DOCX document"),
        ("plan.odt", _zip({"mimetype": "application/x-evil"}), "not a ODT document"),
        (
            "macro.docx",
            _zip({"[Content_Types].xml": "<Types/>", "word/vbaProject.bin": "x"}),
            "macros",
        ),
        ("page.html", b"<html></html>", "not allowed"),
        ("run.exe", b"MZ", "not allowed"),
    ],
)
def test_disguised_or_dangerous_documents_are_refused(db, name, content, message):
    form = _document_form(name, content)
    assert not form.is_valid()
    assert message in str(form.errors["file"])


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_documents_over_the_size_limit_are_refused(db):
    form = _document_form("big.pdf", PDF + b"0" * 200)
    assert not form.is_valid()
    assert "This file is too big" in str(form.errors["file"])


def test_svg_and_non_images_are_refused_as_images(db):
    form_class = get_image_form(Image)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    user = make_user(is_superuser=True)
    for name, content in [("logo.svg", svg), ("photo.png", b"<html>not a png</html>")]:
        form = form_class(
            data={"title": name}, files={"file": SimpleUploadedFile(name, content)}, user=user
        )
        assert not form.is_valid(), name


def test_only_pdf_documents_are_shown_inline(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    Document = get_document_model()
    pdf = Document.objects.create(title="Guide", file=SimpleUploadedFile("guide.pdf", PDF))
    text = Document.objects.create(
        title="Notes", file=SimpleUploadedFile("notes.txt", b"<script>alert(1)</script>")
    )
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    response = client.get(text.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_only_image_renditions_are_served_from_media(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "photo.width-800.webp").write_bytes(b"RIFF0000WEBP")
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "photo.png").write_bytes(b"\x89PNG")
    settings.SERVE_MEDIA = False
    assert client.get("/media/images/photo.width-800.webp").status_code == 404
    settings.SERVE_MEDIA = True
    response = client.get("/media/images/photo.width-800.webp")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get("/media/original_images/photo.png").status_code == 404
    assert client.get("/media/images/../original_images/photo.png").status_code in (400, 404)
