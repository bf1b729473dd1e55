from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from hub.security import SiteLoginForm


@never_cache
def healthz(request):
    """For load balancers: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


class LoginView(auth_views.LoginView):
    """The site's sign-in page, rate limited (see ``hub.security``)."""

    template_name = "hub/login.html"
    form_class = SiteLoginForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if getattr(form, "locked_out", False):
            response.status_code = 429  # Too Many Requests
        return response
