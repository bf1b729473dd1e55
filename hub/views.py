from pathlib import Path

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.static import serve as static_serve
from wagtail.admin.views import account as wagtail_account

from hub import passwords
from hub.inputs import next_url
from hub.languages import url_in_language
from hub.notifications import recipient_language
from hub.security import SiteLoginForm


def remember_language(response, code):
    """Set Django's language cookie, so addresses without a prefix open in ``code``."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


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

    def get_success_url(self):
        """Where they were going, in their preferred language (a page's own version)."""
        url = super().get_success_url()
        return url_in_language(self.request, url, recipient_language(self.request.user))

    def form_valid(self, form):
        response = super().form_valid(form)
        remember_language(response, recipient_language(self.request.user))
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if getattr(form, "locked_out", False):
            response.status_code = 429  # Too Many Requests
        return response


class AdminLoginView(SafeNextMixin, wagtail_account.LoginView):
    """Wagtail's admin sign-in, with the same rule for ``next`` as the site's.

    Wagtail passes ``next`` to ``redirect()``, which looks a bare word ("8", "foo") up as a view
    name and answers 500 when there is none; here only a path on this site is followed, anything
    else goes to the dashboard.
    """


# --- Forgotten passwords (see hub/passwords.py) -----------------------------------------------


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a link to choose a new password: the same answer whatever happened."""

    template_name = "hub/password_reset/request.html"
    form_class = passwords.ResetRequestForm
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        passwords.request_password_reset(self.request, form.cleaned_data["email"])
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "hub/password_reset/done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The link in a reset e-mail: choose a new password (the person is not signed in)."""

    template_name = "hub/password_reset/confirm.html"
    form_class = passwords.NewPasswordForm
    success_url = reverse_lazy("password_reset_complete")
    # Never sign in from a link: signing in as usual keeps the second factor in the way.
    post_reset_login = False

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form):
        response = super().form_valid(form)
        passwords.password_changed(form.user)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context.get("validlink"):
            context["reset_form"] = passwords.ResetRequestForm(auto_id="id_reset_%s")
        return context


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "hub/password_reset/complete.html"


def csrf_failure(request, reason=""):
    """A form refused by the CSRF check (``CSRF_FAILURE_VIEW``): the site's own page, in the
    reader's language, instead of Django's English one. The reason is logged by Django."""
    return render(request, "403_csrf.html", status=403)


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
