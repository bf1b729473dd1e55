"""Saved searches: saving the registry's current search, changing or deleting one from
"My projects", and unsubscribing from an alert's link without signing in."""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from hub.permissions import signed_in_required
from projects import saved_searches
from projects.models.alerts import SavedSearch
from projects.routes import route_url


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=gettext_lazy("E-mail me new projects that match this search"),
        choices=SavedSearch.Frequency.choices,
        initial=SavedSearch.Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose daily or weekly e-mails.")},
    )


_SAVED = {
    "daily": gettext_lazy("Search saved. We will e-mail you new matching projects once a day."),
    "weekly": gettext_lazy("Search saved. We will e-mail you new matching projects once a week."),
}
_SAVED_AGAIN = {
    "daily": gettext_lazy("You had already saved this search. We will now e-mail you once a day."),
    "weekly": gettext_lazy(
        "You had already saved this search. We will now e-mail you once a week."
    ),
}
_CHANGED = {
    "daily": gettext_lazy("“%(name)s”: we will now e-mail you once a day."),
    "weekly": gettext_lazy("“%(name)s”: we will now e-mail you once a week."),
}


def _mine_url(request, registry):
    return route_url(registry, "mine", request=request) + "#saved-searches"


@require_POST
def save(request, registry):
    """Save the registry search in ``search`` (its query string) for the signed-in person."""
    raw = request.POST.get("search", "")
    query, name = saved_searches.normalise(registry, raw)
    back = registry.url + (f"?{query}" if query else "")
    if not request.user.is_authenticated:
        return redirect_to_login(back, login_url=reverse("login"))
    form = FrequencyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose daily or weekly e-mails."))
        return redirect(back)
    try:
        search, created = saved_searches.save(
            request.user, registry, query, name, form.cleaned_data["frequency"]
        )
    except saved_searches.LimitReached:
        messages.error(
            request,
            _(
                "You can save up to %(limit)s searches. Delete one you no longer need in "
                "My projects, then save this one."
            )
            % {"limit": saved_searches.LIMIT},
        )
        return redirect(back)
    messages.success(request, (_SAVED if created else _SAVED_AGAIN)[search.frequency])
    return redirect(back)


@require_POST
@signed_in_required
def change(request, registry, pk):
    """Change how often one of my saved searches is e-mailed."""
    search = get_object_or_404(SavedSearch, pk=pk, owner=request.user)
    form = FrequencyForm(request.POST)
    if form.is_valid():
        search.frequency = form.cleaned_data["frequency"]
        search.save(update_fields=["frequency"])
        messages.success(request, _CHANGED[search.frequency] % {"name": search.name})
    else:
        messages.error(request, _("Choose daily or weekly e-mails."))
    return redirect(_mine_url(request, registry))


@never_cache
@require_http_methods(["GET", "POST"])
@signed_in_required
def delete(request, registry, pk):
    """Ask, then delete one of my saved searches."""
    search = get_object_or_404(SavedSearch, pk=pk, owner=request.user)
    if request.method == "POST":
        search.delete()
        messages.success(request, _("Saved search deleted: “%(name)s”.") % {"name": search.name})
        return redirect(_mine_url(request, registry))
    return render(request, "projects/alerts/delete.html", {"search": search})


# The signed token is the credential here (only the alert's recipient has it), so a page on
# another site cannot forge this POST; and mail programs' one-click unsubscribe (RFC 8058)
# posts without a CSRF token.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, _registry, token):
    """Stop one saved search's e-mails from the link in them, without signing in.

    GET only asks (mail scanners follow links); POST deletes the saved search.
    """
    try:
        search = saved_searches.search_for_token(token)
    except signing.BadSignature:
        return render(
            request,
            "projects/alerts/unsubscribe_invalid.html",
            {
                "title": _("This unsubscribe link is not valid"),
                "message": _(
                    "The link may have been cut short or changed. Copy the whole link from "
                    "the e-mail, or sign in and manage your saved searches in My projects."
                ),
            },
            status=400,
        )
    if search is None:
        return render(
            request,
            "projects/alerts/unsubscribe_invalid.html",
            {
                "title": _("This saved search no longer exists"),
                "message": _(
                    "You have already unsubscribed, or the search was deleted: you will not "
                    "receive its e-mails any more."
                ),
            },
            status=404,
        )
    if request.method == "POST":
        name = search.name
        search.delete()
        return render(request, "projects/alerts/unsubscribed.html", {"name": name})
    return render(request, "projects/alerts/unsubscribe.html", {"search": search})
