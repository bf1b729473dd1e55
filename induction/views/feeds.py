"""The calendar feeds (``/calendar/…``, see ``induction.feed_urls``): a programme's sessions,
and an officer's own, opened by calendar apps with the token as the only key."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from induction.calendar import build_calendar, calendar_response
from induction.models.pages import InductionIndexPage, InductionProgrammePage
from induction.models.progress import CalendarToken
from induction.presentation import role_names
from induction.progress import officer_for
from induction.views.common import uid_host

CALENDAR_TOKEN_MAX = CalendarToken._meta.get_field("token").max_length


@never_cache
def programme_feed(request, page_id):
    """Every session of a programme, in the language of that programme page."""
    programme = get_object_or_404(
        InductionProgrammePage.objects.live().public().select_related("locale"), pk=page_id
    )
    with translation.override(programme.locale.language_code):
        cal = build_calendar(
            programme,
            programme.sessions(),
            name=programme.title,
            url=programme.get_full_url(request),
            host=uid_host(),
            role_names=role_names(),
        )
    return calendar_response(cal, programme.title)


def _hub_for(language):
    hubs = InductionIndexPage.objects.live().public().select_related("locale")
    return (
        hubs.filter(locale__language_code=language).first()
        or hubs.filter(locale=Locale.get_default()).first()
        or hubs.first()
    )


@never_cache
def personal_feed(request, token):
    """An officer's sessions, in their preferred language; the token is the only key."""
    if len(token) > CALENDAR_TOKEN_MAX:
        raise Http404
    record = CalendarToken.objects.select_related("user").filter(token=token).first()
    if record is None or not record.user.is_active:
        raise Http404
    user = record.user
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        hub = _hub_for(language)
        officer = officer_for(user)
        programme = hub.programme_for_year(officer.year) if hub and officer else None
        sessions = programme.sessions(officer.role_slugs) if programme else []
        name = _("My induction sessions")
        if programme is not None:
            name = _("%(programme)s: my sessions") % {"programme": programme.title}
        cal = build_calendar(
            programme,
            sessions,
            name=name,
            url=hub.get_full_url(request) if hub else request.build_absolute_uri("/"),
            host=uid_host(),
            role_names=role_names(),
        )
    return calendar_response(cal, "my-induction", private=True)
