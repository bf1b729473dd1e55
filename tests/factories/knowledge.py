"""Builders for knowledge-base test data (guidance index, guidelines, resources)."""

import datetime
import io
import itertools

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from knowledge.models import Audience, GuidelinePage, KnowledgeIndexPage, Resource

from .core import make_page

_counter = itertools.count(1)


def make_guidance_index(home, **fields):
    fields.setdefault("title", "Guidance")
    fields.setdefault("slug", "guidance")
    fields.setdefault("show_in_menus", True)
    return make_page(home, KnowledgeIndexPage, **fields)


def body(*blocks):
    """A StreamField value from ``(type, value)`` pairs."""
    return list(blocks)


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(html):
    return ("paragraph", html)


def make_guideline(index, audiences=(), **fields):
    number = next(_counter)
    fields.setdefault("title", f"Guideline {number}")
    fields.setdefault("summary", "Practical advice on working in partnership.")
    fields.setdefault(
        "body",
        body(heading("Why it matters"), paragraph("<p>Students and staff share the work.</p>")),
    )
    fields.setdefault("last_reviewed", datetime.date(2025, 9, 1))
    page = make_page(index, GuidelinePage, **fields)
    if audiences:
        page.audiences.set(Audience.objects.filter(slug__in=audiences))
        page.save_revision().publish()
    return page


def make_document(title="Template", name="template.txt", content=b"Fill in the blanks."):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def make_image(title="Workshop", name="workshop.png"):
    """A small (8×8) PNG in the image library."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(buffer, name=name)
    image.save()
    return image


def make_resource(themes=(), locale=None, **fields):
    number = next(_counter)
    fields.setdefault("title", f"Resource {number}")
    fields.setdefault("kind", Resource.Kind.TEMPLATE)
    fields.setdefault("language", "en")
    if "document" not in fields and "url" not in fields:
        fields["document"] = make_document(title=fields["title"])
    resource = Resource(locale=locale or Locale.get_default(), **fields)
    resource.themes = list(themes)
    resource.full_clean()
    resource.save()
    return resource
