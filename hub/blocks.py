"""StreamField blocks shared by every app's pages.

This module imports nothing from the domain apps, so any app can build on it.
"""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        search_index=False,  # a choice's label is not the page's text
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        description = _("A section heading; headings build the table of contents.")
        preview_value = {"text": "How to get started", "level": "h2"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A page that builds a table of contents passes each heading its unique anchor.
        context["anchor"] = context.get("heading_anchor") or slugify(
            value["text"], allow_unicode=True
        )
        return context


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
        search_index=False,  # a choice's label is not the page's text
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        label = _("Callout")
        description = _("A highlighted box for a tip, note or warning.")
        preview_value = {
            "kind": "tip",
            "title": "Tip",
            "text": "<p>Ask the union before the survey goes out.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Who said it"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")
        description = _("A quotation with its source.")
        preview_value = {
            "quote": "We changed the timetable because students asked.",
            "attribution": "Programme lead",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")
        description = _("An image with required alternative text and an optional caption.")
        preview_value = {"alt_text": "Students and staff around a table", "caption": ""}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"
        label = _("Download")
        description = _("A link to download a document, with its type and size.")
        preview_value = {"title": "Partnership agreement template"}


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("Read by screen readers.")
    )
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")
        description = _("An embedded video with a title and an optional transcript.")
        preview_value = {"title": "Welcome to the union"}


PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def body_blocks(
    *,
    paragraph="paragraph",
    paragraph_label=None,
    document="document",
    document_label=None,
):
    """The shared body's blocks as ``(name, block)`` pairs, in the editors' menu order.

    One definition for every body: :class:`BodyBlock` and the pages built on it, and the
    induction modules' lessons, which store the paragraph as ``text`` and the download as
    ``resource`` (the names are in their saved content, so they stay).
    """
    download = DocumentBlock(label=document_label) if document_label else DocumentBlock()
    return [
        ("heading", HeadingBlock()),
        (
            paragraph,
            blocks.RichTextBlock(
                label=paragraph_label or _("Paragraph"),
                icon="pilcrow",
                features=PARAGRAPH_FEATURES,
                template="blocks/paragraph.html",
            ),
        ),
        ("callout", CalloutBlock()),
        ("quote", QuoteBlock()),
        ("image", ImageBlock()),
        ("video", VideoBlock()),
        (document, download),
    ]


class BodyBlock(blocks.StreamBlock):
    """The shared body for pages: text, headings, callouts, quotes, media and downloads.

    A page type that needs more blocks passes them after these (``local_blocks``).
    """

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__([*body_blocks(), *(local_blocks or ())], **kwargs)

    class Meta:
        block_counts = {}
