"""What the induction views share: private responses, addresses of the hub's sub-pages, role
names in the reader's language and the session schedule's rows.

Every view that shows or changes personal data looks it up through the signed-in user
(``officer=request.user``, ``user=request.user``) so nobody can reach someone else's
progress, pledges or handover by changing a number in the address: they get a 404.
"""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import get_language
from wagtail.models import Locale

from hub.permissions import login_and_permission_required
from induction.calendar import group_by_day
from induction.models.roles import OfficerRole, OfficerTerm


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
    return page.get_url(request) + page.reverse_subpage(name, kwargs=kwargs)


def _active_locale():
    try:
        return Locale.objects.get_for_language(get_language() or settings.LANGUAGE_CODE)
    except (Locale.DoesNotExist, LookupError):
        return Locale.get_default()


def localized_roles(roles):
    """Roles in the reader's language where translated (one query), order kept."""
    roles = list(roles)
    locale = _active_locale()
    keys = [role.translation_key for role in roles if role.locale_id != locale.pk]
    translated = {}
    if keys:
        translated = {
            role.translation_key: role
            for role in OfficerRole.objects.filter(
                translation_key__in=keys, locale=locale
            ).prefetch_related("partner_units")
        }
    return [translated.get(role.translation_key, role) for role in roles]


def role_names():
    """slug → role name in the reader's language (falling back to the default language)."""
    names = {}
    locale = _active_locale()
    default = Locale.get_default()
    for slug, name, locale_id in OfficerRole.objects.filter(
        locale_id__in={locale.pk, default.pk}
    ).values_list("slug", "name", "locale_id"):
        if locale_id == locale.pk or slug not in names:
            names[slug] = name
    return names


def site_base_url(request):
    """The site's public address for links in e-mails: ``BASE_URL`` when configured, so a
    forged Host header can never end up in a message."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "") or request.build_absolute_uri("/")


def uid_host():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "partnershiphub.invalid"


def has_any_term(user):
    return user.is_authenticated and OfficerTerm.objects.filter(user=user).exists()


#: The manifesto's pages: signed in, with an officer term (else 404: nothing to show there).
officer_terms_required = login_and_permission_required(has_any_term, denied=Http404)


def session_rows(sessions, names, officer=None):
    rows = []
    for day, day_sessions in group_by_day(sessions):
        rows.append(
            (
                day,
                [
                    {
                        "session": session,
                        "roles": [names.get(slug, slug) for slug in session.role_slugs],
                        "for_you": officer is not None and session.is_for(officer.role_slugs),
                    }
                    for session in day_sessions
                ],
            )
        )
    return rows
