from pathlib import Path

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.static import serve as static_serve

from hub.inputs import next_url
from hub.security import SiteLoginForm


@never_cache
def healthz(request):
    """For load balancers: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


class SafeNextMixin:
    """Where to go after signing in or out: ``next`` only if it is a path on this site."""

    def get_redirect_url(self):
        return next_url(self.request, "", name=self.redirect_field_name)


class LoginView(SafeNextMixin, auth_views.LoginView):
    """The site's sign-in page, rate limited (see ``hub.security``)."""

    template_name = "hub/login.html"
    form_class = SiteLoginForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if getattr(form, "locked_out", False):
            response.status_code = 429  # Too Many Requests
        return response


class LogoutView(SafeNextMixin, auth_views.LogoutView):
    """Signing out (POST only, as in Django)."""


def media_image(request, path):
    """Image renditions (re-encoded by Wagtail), for deployments without a media server.

    Only ``MEDIA_ROOT/images/`` is served, and only when ``SERVE_MEDIA`` is on: original
    uploads are never linked or served, and documents go through Wagtail's document view
    (permissions, Content-Disposition).
    """
    if not settings.SERVE_MEDIA:
        raise Http404
    # Rooted at images/ itself, so "../" cannot climb into the originals.
    response = static_serve(request, path, document_root=Path(settings.MEDIA_ROOT) / "images")
    response["Cache-Control"] = "public, max-age=3600"
    return response
