from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

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
    version of the current address (for views) or its home page."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    current = get_language()
    translations = {}
    if page is not None:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation.get_url(request)
    homes = context.get("nav_homes") or {}
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
    return links


@register.filter
def localized_name(obj):
    """A translatable snippet's name in the active language, when it has been translated."""
    if obj is None:
        return ""
    try:
        return obj.localized.name
    except (Locale.DoesNotExist, AttributeError):
        return getattr(obj, "name", str(obj))


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
