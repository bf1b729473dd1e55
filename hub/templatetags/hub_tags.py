import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from hub.cache import content_memo, content_version, current_version, tree_memo
from hub.routing import active_locale, find_site

register = template.Library()


@register.simple_tag(takes_context=True)
def url_without(context, name, value):
    """The current URL with one value of a GET parameter removed (and back to page 1)."""
    request = context["request"]
    params = request.GET.copy()
    params.setlist(name, [v for v in params.getlist(name) if v != value])
    params.pop("page", None)
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


@register.simple_tag(takes_context=True)
def url_with_page(context, number):
    request = context["request"]
    params = request.GET.copy()
    params["page"] = number
    return f"{request.path}?{params.urlencode()}"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language: the page's translation if it exists, else that language's
    version of the current address (for views) or its home page.

    For pages the answer only changes when pages are published, so each worker remembers it
    until the content version moves on (see ``hub.cache.tree_memo``).
    """
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    current = get_language()
    homes = context.get("nav_homes") or {}
    if page is None:
        return _language_links(request, None, current, homes)
    key = ("language-links", getattr(find_site(request), "pk", None), page.pk, current)
    return tree_memo.get_or_set(
        content_version(), key, lambda: _language_links(request, page, current, homes)
    )


def _language_links(request, page, current, homes):
    translations = {}
    if page is not None:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation.get_url(request)
    path = request.get_full_path() if page is None else None
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        elif path is not None:
            url = translate_url(path, code)
        else:
            url = homes.get(code, f"/{code}/")
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return tuple(links)


@register.filter
def localized_name(obj):
    """A translatable snippet's name in the active language, when it has been translated.

    Taxonomies are small and read on every listing, so each worker keeps one table of names
    per model until any content changes (see ``hub.cache.content_memo``).
    """
    if obj is None:
        return ""
    name = getattr(obj, "name", None)
    translation_key = getattr(obj, "translation_key", None)
    if name is None or translation_key is None:
        return str(obj)
    locale = active_locale()
    if locale is None or obj.locale_id == locale.pk:
        return name
    manager = type(obj)._default_manager
    names = content_memo.get_or_set(
        current_version(),
        ("names", obj._meta.label_lower),
        lambda: {
            (tk, locale_id): value
            for tk, locale_id, value in manager.values_list("translation_key", "locale_id", "name")
        },
    )
    return names.get((translation_key, locale.pk), name)


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


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        seconds = getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)
        if not seconds or request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        site = find_site(request)
        parts = [current_version(), get_language(), getattr(site, "pk", "")]
        parts += [part.resolve(context) for part in self.parts]
        digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
        key = f"fragment:{digest}"
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, seconds)
        return mark_safe(html)  # noqa: S308 (the template's own rendered, escaped output)
