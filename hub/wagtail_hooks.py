"""Admin wiring for the shared taxonomies, who sees which pages, and two-factor sign-in."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from hub.models import Campus, Theme, Unit
from hub.page_permissions import OwnPagesPermissionPolicy, visible_in_chooser
from hub.snippets import HubSnippetViewSet

# First, before anything asks for Page's policy: the admin shows people the pages they may act
# on, not other people's drafts (hub/page_permissions.py).
register_permission_policy(Page, OwnPagesPermissionPolicy(Page))


@hooks.register("construct_page_chooser_queryset")
def choosable_pages(pages, request):
    return visible_in_chooser(pages, request)


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
