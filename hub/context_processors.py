from django.conf import settings
from wagtail.models import Locale, Site


def site_navigation(request):
    """The current language's home page and its menu, for the header of every page."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"nav_home": None, "nav_items": []}
    root = site.root_page
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    try:
        home = root.get_translation(Locale.objects.get_for_language(language))
    except (Locale.DoesNotExist, root.DoesNotExist, LookupError):
        home = root
    return {
        "nav_home": home,
        "nav_items": home.get_children().live().public().in_menu(),
    }
