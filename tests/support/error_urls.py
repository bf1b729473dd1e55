"""The site's URLs plus two views that fail on purpose (403 and 500), under each language."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from hub.urls import urlpatterns as site_patterns


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug, on purpose")


urlpatterns = [
    path("test-forbidden/", forbidden),
    path("test-broken/", broken),
    *i18n_patterns(
        path("test-forbidden/", forbidden),
        path("test-broken/", broken),
        prefix_default_language=True,
    ),
    *site_patterns,
]
