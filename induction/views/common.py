"""What the induction views share: private responses, addresses of the hub's sub-pages and
links for e-mails and calendars (roles and sessions as shown: :mod:`induction.presentation`).

Every view that shows or changes personal data looks it up through the signed-in user
(``officer=request.user``, ``user=request.user``) so nobody can reach someone else's
progress, pledges or handover by changing a number in the address: they get a 404.
"""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404, HttpResponseRedirect

from hub.permissions import permission_required
from hub.routing import page_url
from induction.models.roles import OfficerTerm


def private(response):
    response["Cache-Control"] = "private, no-store"
    return response


def redirect_to(url, anchor=None, query=None):
    if query:
        url = f"{url}?{urlencode(query)}"
    if anchor:
        url = f"{url}#{anchor}"
    return HttpResponseRedirect(url)


def sub_url(page, request, name, **kwargs):
    return page_url(page, request) + page.reverse_subpage(name, kwargs=kwargs)


def site_base_url(request):
    """The site's public address for links in e-mails: ``BASE_URL`` when configured, so a
    forged Host header can never end up in a message."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "") or request.build_absolute_uri("/")


def uid_host():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "partnershiphub.invalid"


def has_any_term(user):
    return user.is_authenticated and OfficerTerm.objects.filter(user=user).exists()


#: The manifesto's pages: signed in, with an officer term (else 404: nothing to show there).
officer_terms_required = permission_required(has_any_term, denied=Http404)
