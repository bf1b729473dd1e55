"""What a person may see of the page tree in Wagtail's admin: the pages they may act on.

Wagtail lets everyone with any permission on a branch *explore* the whole branch. Staff hold
only "add" under the project registry (they edit the projects they own), so they would read
other staff members' draft titles in the page listings, the admin search, the site history
report and the page chooser. :class:`OwnPagesPermissionPolicy`, registered for ``Page``,
narrows the explorable pages to those a person may act on (change, publish, lock, unlock,
delete; for an "add"-only grant, the pages they own), plus the pages where their permissions
are granted and the path down to them. Editors and moderators, whose grants cover the tree,
see everything as before.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

ACT_ON = {"change", "publish", "lock", "unlock", "bulk_delete"}
EXPLORE = ACT_ON | {"add"}
EXPLORER_VIEWS = {"wagtailadmin_explore", "wagtailadmin_explore_results"}


class OwnPagesPermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions; explorable pages are only those one may act on."""

    def explorable_instances(self, user):
        everything_or_nothing = self._base_queryset_for_user(user)
        if everything_or_nothing is not None:
            return everything_or_nothing
        manager = self.model._default_manager
        codenames = self._get_permission_codenames(EXPLORE)
        granted_at = [
            perm.page
            for perm in self.get_cached_permissions_for_user(user)
            if perm.permission.codename in codenames
        ]
        if not granted_at:
            return manager.none()
        pages = self.instances_user_has_any_permission_for(user, ACT_ON)
        for page in granted_at:
            pages |= manager.ancestor_of(page, inclusive=True)
        common = self.model.base_page_model.objects.first_common_ancestor_of(granted_at)
        return pages.filter(path__startswith=common.path)


def page_policy():
    from wagtail.models import Page

    return policy_registry.get_by_type(Page)


def may_explore(user, page_id) -> bool:
    return page_policy().explorable_instances(user).filter(pk=page_id).exists()


def visible_in_chooser(pages, request):
    """Page choosers list published pages and the pages the person may explore."""
    explorable = page_policy().explorable_instances(request.user)
    return pages.filter(Q(live=True) | Q(pk__in=explorable.values("pk")))


class ExplorerGuardMiddleware:
    """Send ``/admin/pages/<id>/`` for a page outside what the person may explore to their
    explorable root instead, as Wagtail does for pages outside that root (the listing would
    show the page's title in its header)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.url_name not in EXPLORER_VIEWS:
            return None
        page_id = view_kwargs.get("parent_page_id")
        user = getattr(request, "user", None)
        if page_id is None or user is None or not user.is_authenticated:
            return None
        if may_explore(user, page_id):
            return None
        root = page_policy().explorable_root_instance(user)
        if root is None:
            raise PermissionDenied
        return redirect("wagtailadmin_explore", root.pk)
