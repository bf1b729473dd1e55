"""A person's own account: profile, notifications, their data (download) and deleting it."""

import datetime

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from hub import personal_data
from hub.forms import DeleteAccountForm, ProfileForm
from hub.inputs import safe_target
from hub.languages import url_in_language
from hub.models import Notification
from hub.notifications import recipient_language
from hub.views import remember_language

NOTIFICATIONS_PER_PAGE = 20


@never_cache
@login_required(login_url="login")
def overview(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        language = recipient_language(user)
        with translation.override(language):  # the message is read on the next page
            messages.success(request, _("Your details were saved."))
        # The account page again, in the language just chosen.
        response = redirect(url_in_language(request, reverse("account"), language))
        return remember_language(response, language)
    unread = request.user.notifications.unread().count()
    return render(request, "hub/account/overview.html", {"form": form, "unread": unread})


@never_cache
@login_required(login_url="login")
def notifications(request):
    if request.method == "POST":
        request.user.notifications.unread().update(read_at=timezone.now())
        messages.success(request, _("All notifications are marked as read."))
        return redirect("account-notifications")
    paginator = Paginator(request.user.notifications.all(), NOTIFICATIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "hub/account/notifications.html",
        {
            "page_obj": page,
            "paginator": paginator,
            "page_range": paginator.get_elided_page_range(page.number),
            "unread": request.user.notifications.unread().count(),
        },
    )


@never_cache
@login_required(login_url="login")
def open_notification(request, pk):
    """Mark one of my notifications read and go where it points (on this site only)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return HttpResponseRedirect(
        safe_target(request, notification.url, reverse("account-notifications"))
    )


@never_cache
@login_required(login_url="login")
def download_data(request):
    """Everything the hub keeps about me, as a JSON file (see ``hub.personal_data``)."""
    data = {
        "exported_at": timezone.now(),
        "format": "partnership-hub-personal-data/1",
        **personal_data.export_user_data(request.user),
    }
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2})
    filename = f"partnership-hub-my-data-{datetime.date.today().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required(login_url="login")
def delete_account(request):
    user = request.user
    if user.is_superuser:
        return render(request, "hub/account/delete_refused.html", status=403)
    form = DeleteAccountForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            personal_data.erase_user_data(user)
            logout(request)
            user.delete()
        messages.success(request, _("Your account has been deleted. Thank you for your work."))
        return redirect("/")
    status = 400 if form.errors else 200
    return render(request, "hub/account/delete.html", {"form": form}, status=status)
