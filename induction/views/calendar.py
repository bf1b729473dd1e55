"""The hub's calendar page: the addresses of an officer's and the programme's feeds."""

from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from hub.permissions import signed_in_required
from induction.models.progress import CalendarToken
from induction.progress import officer_for
from induction.views.common import private, redirect_to, sub_url


@signed_in_required
def calendar_settings(request, hub):
    officer = officer_for(request.user)
    programme = hub.programme_for_year(officer.year) if officer else hub.current_programme()
    token = None
    if officer is not None:
        token, _created = CalendarToken.objects.get_or_create(user=request.user)
        if request.method == "POST":
            if request.POST.get("action") == "regenerate":
                token.regenerate()
                messages.success(
                    request,
                    _(
                        "Your calendar has a new address. The old one no longer works: update "
                        "your calendar app."
                    ),
                )
            return redirect_to(sub_url(hub, request, "calendar_route"))
    elif request.method == "POST":
        raise Http404
    feeds = {}
    if token is not None:
        personal = request.build_absolute_uri(
            reverse("induction_feeds:personal", kwargs={"token": token.token})
        )
        feeds["personal"] = personal
        feeds["personal_webcal"] = "webcal://" + personal.split("://", 1)[1]
    if programme is not None:
        public = request.build_absolute_uri(programme.feed_path)
        feeds["programme"] = public
        feeds["programme_webcal"] = "webcal://" + public.split("://", 1)[1]
    return private(
        hub.render(
            request,
            template="induction/calendar.html",
            context_overrides={"officer": officer, "programme": programme, "feeds": feeds},
        )
    )
