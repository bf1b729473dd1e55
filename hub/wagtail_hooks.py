"""Admin wiring for the shared taxonomies."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hub.models import Campus, Theme, Unit


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    list_filter = ["locale"]


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", "kind", "slug", "locale"]
    search_fields = ["name", "slug"]
    list_filter = ["kind", "locale"]


class CampusViewSet(SnippetViewSet):
    model = Campus
    icon = "site"
    menu_label = _("Campuses")
    list_display = ["name", "city", "slug", "locale"]
    search_fields = ["name", "city", "slug"]
    list_filter = ["locale"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, UnitViewSet, CampusViewSet)
    menu_icon = "folder-inverse"
    menu_label = _("Taxonomies")
    menu_name = "taxonomies"


register_snippet(TaxonomyGroup)
