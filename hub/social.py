"""What a page tells link previews (OpenGraph and Twitter cards): ``social_meta(page, request)``.

Rendered by ``templates/components/social_meta.html`` from the ``<head>`` of every Wagtail
page. The address is the page's canonical one (an untranslated alias points at the page
whose text it shows, as its ``<link rel="canonical">`` does); the other languages it is
really translated into are ``og:locale:alternate``; the image is the first image block of the
page's description or body, as a 1200×630 rendition.
"""

from dataclasses import dataclass

from django.conf import settings

from hub import languages
from hub.routing import page_url
from hub.templatetags.hub_tags import page_description

# OpenGraph wants language_TERRITORY; the territory where each language is mostly spoken.
OG_LOCALES = {
    "en": "en_GB",
    "de": "de_DE",
    "fr": "fr_FR",
    "es": "es_ES",
    "it": "it_IT",
    "pl": "pl_PL",
    "sl": "sl_SI",
    "nl": "nl_NL",
}
IMAGE_FIELDS = ("description", "body")
IMAGE_SPEC = "fill-1200x630"


@dataclass(frozen=True)
class SocialMeta:
    title: str
    description: str
    url: str
    type: str
    locale: str
    alternate_locales: tuple
    image_url: str = ""
    image_alt: str = ""

    @property
    def card(self):
        return "summary_large_image" if self.image_url else "summary"


def og_locale(code):
    return OG_LOCALES.get(code, code.replace("-", "_"))


def first_image(page):
    """``(image, alt text)`` of the first image block of the page's description or body."""
    for name in IMAGE_FIELDS:
        for block in getattr(page, name, None) or []:
            if block.block_type == "image" and block.value.get("image") is not None:
                return block.value["image"], block.value.get("alt_text") or ""
    return None, ""


def social_meta(page, request):
    langs = languages.page_languages(page, request)
    if langs is None:
        return None
    canonical = langs.original if langs.is_fallback and langs.original else None
    path = canonical.url if canonical else (langs.url or page_url(page, request) or "")
    url = path if "://" in path else request.build_absolute_uri(path)
    own = langs.content if canonical else langs.language
    alternates = tuple(og_locale(v.code) for v in langs.translations if v.code != own)
    image, alt = first_image(page)
    image_url = ""
    if image is not None:
        rendition_url = image.get_rendition(IMAGE_SPEC).url
        image_url = (
            rendition_url if "://" in rendition_url else request.build_absolute_uri(rendition_url)
        )
    return SocialMeta(
        title=page.seo_title or page.title,
        description=page_description(page),
        url=url,
        type="website" if page.depth <= 2 else "article",  # a home page, or content
        locale=og_locale(own or settings.LANGUAGE_CODE),
        alternate_locales=alternates,
        image_url=image_url,
        image_alt=alt or page.title,
    )
