import datetime
import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, npgettext
from django.utils.translation import gettext as _
from wagtail.models import Page

from hub import languages, routing
from hub.cache import current_version
from hub.formats import named_format
from hub.i18n import translated_name
from hub.routing import find_site

register = template.Library()


@register.simple_tag
def inline_script(path):
    """``<script>`` with a static file's text, allowed by the CSP's hash of it (hub/security.py)."""
    from hub.security import inline_script_source

    return mark_safe(f"<script>{inline_script_source(path)}</script>")  # noqa: S308 (checked)


@register.simple_tag(takes_context=True)
def url_without(context, name, value):
    """The current URL with one value of a GET parameter removed (and back to page 1)."""
    request = context["request"]
    params = request.GET.copy()
    params.setlist(name, [v for v in params.getlist(name) if v != value])
    params.pop("page", None)
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def site_description():
    return _("Projects, guidance and induction for students' union officers and their partners.")


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """Wagtail's ``{% pageurl page %}``, with the request's site remembered per worker
    (:func:`hub.routing.page_url`) instead of a query for it on every request."""
    if not isinstance(page, Page):
        raise ValueError(f"page_url expects a page, not {page!r}")
    return routing.page_url(page, context.get("request")) or ""


@register.simple_tag(takes_context=True)
def routable_url(context, page, name, *args, **kwargs):
    """Wagtail's ``{% routablepageurl page name ... %}``, with the site remembered as
    :func:`page_url` does."""
    base = routing.page_url(page, context.get("request")) or ""
    if not base.endswith("/"):
        base += "/"
    return base + page.reverse_subpage(name, args=args, kwargs=kwargs)


@register.simple_tag
def page_description(page=None):
    """The meta description of a page: its search description, else its summary or intro (cut
    to about 160 characters), else the site's own description (views that are not pages)."""
    for field in ("search_description", "summary", "intro"):
        text = " ".join(str(getattr(page, field, "") or "").split())
        if text:
            return Truncator(text).chars(160)
    return site_description()


@register.simple_tag(takes_context=True)
def url_with_page(context, number, param=""):
    """The current URL on page ``number``: its ``page`` GET parameter set, or ``param`` for one of
    several lists paginated side by side. The other parameters are kept."""
    request = context["request"]
    params = request.GET.copy()
    params[param or "page"] = number
    return f"{request.path}?{params.urlencode()}"


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The languages of the page being shown (``hub.languages.PageLanguages``), or ``None``."""
    page = context.get("page")
    if not isinstance(page, Page):
        return None
    return languages.page_languages(page, context.get("request"))


@register.simple_tag(takes_context=True)
def language_links(context, page_langs=None):
    """One link per site language, each named in its own language (autonym).

    For a page: its version in that language (``translated`` says whether it is a real
    translation or an alias showing another language's text), else that language's home
    page. For other views: that language's version of the current address.
    """
    request = context["request"]
    current = get_language()
    homes = context.get("nav_homes") or {}
    if page_langs is None:
        page_langs = page_languages(context)
    links = []
    for code, name in settings.LANGUAGES:
        translated = None
        if page_langs is not None:
            version = page_langs.version(code)
            if version is not None:
                url, translated = version.url, version.translated
            else:
                url = homes.get(code, f"/{code}/")
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "untranslated": translated is False,
            }
        )
    return links


@register.filter
def lang_attr(obj):
    """`` lang="xx"`` when a page's text (or a language code) is not in the active language.

    For the elements that hold a page's own words (title, summary, body), so that an
    untranslated page under ``/de/`` marks its English text as English.
    """
    if obj is None or obj == "":
        return ""
    code = obj if isinstance(obj, str) else languages.content_language(obj)
    if code == get_language():
        return ""
    return format_html(' lang="{}"', code)


@register.filter
def content_lang(page):
    """The language code of the text a page shows (its source's, for an alias)."""
    return languages.content_language(page) if page else ""


@register.filter
def language_name(code):
    """A language's name in the reader's language ("Englisch" for a German reader)."""
    return languages.language_name(code)


@register.filter
def autonym(code):
    """A language's name in that language ("Deutsch")."""
    return languages.autonym(code)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` with the scheme and host the reader used (for ``<link rel=alternate>``)."""
    request = context.get("request")
    if not url or request is None or "://" in url:
        return url or ""
    return request.build_absolute_uri(url)


@register.filter(expects_localtime=True)
def date_as(value, name):
    """A date in one of the hub's named styles for the active language (``DAY_FORMAT``:
    "Monday 5 July 2027", "Montag, 5. Juli 2027"); Django's own names work too."""
    if not isinstance(value, datetime.date):
        return ""
    return dateformat.format(value, named_format(name))


@register.filter(expects_localtime=True)
def iso(value):
    """The machine-readable value of ``<time datetime>``: ISO 8601, whole seconds."""
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.time):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


@register.filter
def number(value):
    """A count with the reader's digit grouping ("1,000", "1.000", "1 000")."""
    from django.contrib.humanize.templatetags.humanize import intcomma

    return intcomma(value, use_l10n=True)


# What a facet's count counts, said to screen readers after the number ("(12 projects)").
COUNT_NOUNS = {
    "projects": lambda n: npgettext("screen-reader count", "project", "projects", n),
    "resources": lambda n: npgettext("screen-reader count", "resource", "resources", n),
    "guides": lambda n: npgettext("screen-reader count", "guide", "guides", n),
    "": lambda n: npgettext("screen-reader count", "result", "results", n),
}


@register.simple_tag
def count_noun(count, kind=""):
    """The noun for ``count`` things of ``kind`` (projects, resources, guides, else results),
    in the reader's language and plural form."""
    return COUNT_NOUNS.get(kind, COUNT_NOUNS[""])(count)


@register.filter
def localized_name(obj):
    """A translatable snippet's name in the active language, when it has been translated
    (:func:`hub.i18n.translated_name`)."""
    if obj is None:
        return ""
    name = getattr(obj, "name", None)
    translation_key = getattr(obj, "translation_key", None)
    if name is None or translation_key is None:
        return str(obj)
    return translated_name(obj)


@register.filter
def in_section(page, section):
    """Whether ``page`` is ``section`` or one of its descendants (for aria-current)."""
    if not isinstance(page, Page) or section is None:
        return False
    return page.path.startswith(section.path)


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    """How many unread notifications the signed-in user has (one query, once per request)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    if not hasattr(request, "_unread_notifications"):
        request._unread_notifications = user.notifications.unread().count()
    return request._unread_notifications


@register.tag("sharedfragment")
def do_sharedfragment(parser, token):
    """``{% sharedfragment "name" var1 var2 %}…{% endsharedfragment %}``: HTML that is the same
    for every reader, kept in the cache and rendered once per content change.

    The key holds the name, the variables, the language, the site and the content version
    (any content write starts afresh); previews are never cached. Only wrap markup that is
    identical for everyone: no CSRF tokens, nothing about the signed-in person.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name")
    nodelist = parser.parse(("endsharedfragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


def fragment_keys(request, *parts):
    """``key(*more)``: the cache key of a shared fragment named by ``parts`` and ``more``, in
    the current language, site and content version (any content event starts afresh). Those
    are read once, so one fragment per item of a list costs one version read in all."""
    site = find_site(request)
    common = "|".join(map(str, [current_version(), get_language(), getattr(site, "pk", "")]))

    def key(*more):
        text = "|".join(map(str, [common, *parts, *more]))
        return f"fragment:{hashlib.sha256(text.encode()).hexdigest()}"

    return key


def fragments_enabled(request) -> bool:
    """Whether shared fragments are kept for this request (never for previews)."""
    seconds = getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)
    return bool(seconds) and request is not None and not getattr(request, "is_preview", False)


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        if not fragments_enabled(request):
            return self.nodelist.render(context)
        key = fragment_keys(request, *(part.resolve(context) for part in self.parts))()
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
        return mark_safe(html)  # noqa: S308 (the template's own rendered, escaped output)


@register.simple_tag(takes_context=True)
def social_meta(context):
    """The page's OpenGraph and Twitter card values (``hub.social.SocialMeta``), or ``None``."""
    from hub.social import social_meta as build  # (hub.social uses page_description above)

    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or request is None:
        return None
    return build(page, request)


@register.simple_tag(takes_context=True)
def machine_translation_notice(context, page_langs=None):
    """What the machine-translation notice needs for the page shown, or ``None``.

    ``{"original": Version | None}`` while the page is machine translated and not reviewed
    (``hub.machine_translation``); the original is the live page in the source language.
    """
    from hub.machine_translation import unreviewed

    record = unreviewed(context.get("page"))
    if record is None:
        return None
    original = None
    if page_langs is not None and record.source_locale is not None:
        original = page_langs.version(record.source_locale.language_code)
        if original is not None and not original.translated:
            original = None
    return {"original": original}
