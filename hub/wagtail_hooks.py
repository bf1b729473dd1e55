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


# --- The translation status report (hub/translation_status_views.py) ---------------------------
from django.urls import include  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402
from wagtail.permissions import policy_registry  # noqa: E402

from hub.translation_status_views import TranslationStatusView  # noqa: E402


@hooks.register("register_admin_urls")
def translation_status_urls():
    urls = [
        path("", TranslationStatusView.as_view(), name="index"),
        path("results/", TranslationStatusView.as_view(results_only=True), name="results"),
    ]
    return [path("reports/translation-status/", include((urls, "translation_status")))]


class PageEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return PageEditorsMenuItem(
        _("Translation status"),
        reverse("translation_status:index"),
        name="translation-status",
        icon_name="globe",
        order=1320,
    )
