"""Admin wiring for the shared taxonomies."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from hub.models import Campus, Theme, Unit
from hub.snippets import HubSnippetViewSet


class ThemeViewSet(HubSnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    search_backend_name = None  # the fields above, with the ORM: slug is not indexed
    list_filter = ["locale"]


class UnitViewSet(HubSnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", "kind", "slug", "locale"]
    search_fields = ["name", "slug"]
    search_backend_name = None  # the fields above, with the ORM: slug is not indexed
    list_filter = ["kind", "locale"]


class CampusViewSet(HubSnippetViewSet):
    model = Campus
    icon = "site"
    menu_label = _("Campuses")
    list_display = ["name", "city", "slug", "locale"]
    search_fields = ["name", "city", "slug"]
    search_backend_name = None  # the fields above, with the ORM: slug is not indexed
    list_filter = ["locale"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, UnitViewSet, CampusViewSet)
    menu_icon = "folder-inverse"
    menu_label = _("Taxonomies")
    menu_name = "taxonomies"


register_snippet(TaxonomyGroup)


# --- Two-factor authentication for the admin (hub.twofactor) ----------------------------

from django.urls import path, reverse  # noqa: E402
from wagtail import hooks  # noqa: E402

from hub import twofactor  # noqa: E402


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", twofactor.manage, name="hub_2fa_manage"),
        path("two-factor/setup/", twofactor.setup, name="hub_2fa_setup"),
        path("two-factor/verify/", twofactor.verify, name="hub_2fa_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("hub_2fa_manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Confirm each sign-in with a code from your phone."),
    }
