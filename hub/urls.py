"""The one place that wires every app together."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hub import admin_reports, crawlers, routing, sitemap
from hub import views as hub_views
from search.api import api_router

urlpatterns = [
    *admin_reports.urlpatterns,  # Wagtail's reports with the hub's safe CSV export
    path("admin/login/", hub_views.AdminLoginView.as_view()),  # Wagtail's, with a safe ``next``
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", hub_views.healthz, name="healthz"),
    path("robots.txt", crawlers.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap.sitemap_section, name="sitemap_section"),
    path("calendar/", include("induction.feed_urls")),
    path("media/images/<path:path>", hub_views.media_image, name="media_image"),
]

urlpatterns += i18n_patterns(
    path("accounts/login/", hub_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", hub_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password_reset/",
        hub_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password_reset/sent/",
        hub_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        hub_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        hub_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("search/", include("search.urls")),
    path("account/", include("hub.account_urls")),
    path("", include("induction.urls")),
    # Pages: Wagtail's view with the CSRF check made per routed view (hub/routing.py); the
    # same name as Wagtail's own, which it comes before (its pattern also takes ":", for
    # signed tokens in routes: hub.routing.SERVE_PATTERN).
    re_path(routing.SERVE_PATTERN, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

# A view's refusal (hub.permissions.Refused) shows its reason; other 403s Django's own page.
handler403 = "hub.permissions.permission_denied"
