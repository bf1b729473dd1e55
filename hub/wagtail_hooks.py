"""Admin wiring: shared taxonomies, who sees which pages, two-factor sign-in, translation tools."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem as PageActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

import hub.inputs  # noqa: F401 (registers the <id:…> path converter)
from hub import translation_admin, twofactor
from hub.machine_translation import unreviewed_ids
from hub.models import Campus, Theme, Unit
from hub.page_permissions import OwnPagesPermissionPolicy, visible_in_chooser
from hub.snippets import HubSnippetViewSet
from hub.translation_status_views import TranslationStatusView

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


# --- Machine translation review and section translation (hub.translation_admin) ---------


@hooks.register("register_admin_urls")
def translation_urls():
    return [
        path(
            "translation/review/<id:page_id>/",
            translation_admin.review,
            name="hub_translation_review",
        ),
        path(
            "translation/section/<id:page_id>/",
            translation_admin.translate_section,
            name="hub_translate_section",
        ),
        path(
            "translation/jobs/<id:job_id>/",
            translation_admin.job_progress,
            name="hub_translation_job",
        ),
    ]


def _translation_buttons(page, user):
    if page.is_root():
        return
    permissions = page.permissions_for_user(user)
    if permissions.can_edit():
        yield Button(
            _("Translate section…"),
            reverse("hub_translate_section", args=[page.pk]),
            priority=62,
            icon_name="globe",
        )
    # unreviewed_ids() is one query per content version, not one per listed page.
    if page.pk in unreviewed_ids() and permissions.can_publish():
        yield Button(
            _("Mark translation reviewed"),
            reverse("hub_translation_review", args=[page.pk]),
            priority=63,
            icon_name="tick",
        )


@hooks.register("register_page_listing_more_buttons")
def translation_listing_buttons(page, user, next_url=None):
    yield from _translation_buttons(page, user)


@hooks.register("register_page_header_buttons")
def translation_header_buttons(page, user, view_name=None, next_url=None):
    yield from _translation_buttons(page, user)


class MarkReviewedMenuItem(PageActionMenuItem):
    """ "Mark translation reviewed" in the edit view's action menu (a link to the confirmation)."""

    label = _("Mark translation reviewed")
    name = "hub-mark-reviewed"
    icon_name = "tick"

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and page.pk in unreviewed_ids()
            and self.get_user_page_permissions_tester(context).can_publish()
        )

    def get_url(self, parent_context):
        return reverse("hub_translation_review", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def mark_reviewed_menu_item():
    return MarkReviewedMenuItem(order=60)
