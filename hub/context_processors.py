from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale

from hub.cache import content_version
from hub.routing import find_site


@dataclass(frozen=True)
class NavLink:
    pk: int
    title: str
    url: str
    path: str


@dataclass(frozen=True)
class Navigation:
    home: NavLink | None
    items: tuple
    homes_by_language: dict


def _link(page, request):
    return NavLink(page.pk, page.title, page.get_url(request), page.path)


def build_navigation(site, language, request):
    root = site.root_page
    try:
        home = root.get_translation(Locale.objects.get_for_language(language))
    except (Locale.DoesNotExist, root.DoesNotExist, LookupError):
        home = root
    homes = {
        translation.locale.language_code: translation.get_url(request)
        for translation in root.get_translations(inclusive=True).live().select_related("locale")
    }
    items = tuple(_link(p, request) for p in home.get_children().live().public().in_menu())
    return Navigation(_link(home, request), items, homes)


def site_navigation(request):
    """The current language's home page and menu, cached until published pages change."""
    site = find_site(request) if request else None  # remembered per host: no query
    if site is None:
        return {"nav_home": None, "nav_items": (), "nav_homes": {}}
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    key = f"hub:nav:{site.pk}:{language}:{content_version()}"
    navigation = cache.get(key)
    if navigation is None:
        navigation = build_navigation(site, language, request)
        cache.set(key, navigation, timeout=3600)
    return {
        "nav_home": navigation.home,
        "nav_items": navigation.items,
        "nav_homes": navigation.homes_by_language,
    }
