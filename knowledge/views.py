"""The guidance pages' one action: "Was this helpful?" (the guideline page's ``feedback/``
route of :class:`knowledge.models.guideline.GuidelinePage`, listed in
:mod:`knowledge.page_urls`)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt

from hub.security import same_origin
from knowledge import feedback as feedback_rules
from knowledge.models.feedback import Feedback


@csrf_exempt  # no CSRF token, so guidance pages stay cacheable: checked by origin instead
def feedback(request, page):
    """Record an anonymous yes/no (and optional comment); one per reader, page and day."""
    if request.method != "POST":
        if request.method in ("GET", "HEAD"):
            return HttpResponseRedirect(page.get_url(request) + "#feedback")
        return HttpResponseNotAllowed(["POST"])
    if not same_origin(request):  # the browser says another site sent it (hub.security)
        raise PermissionDenied
    wants_json = "application/json" in request.headers.get("Accept", "")

    # Every attempt counts against this client's own flood guard (nobody else's).
    flood = feedback_rules.check_flood(request)
    if flood.blocked:
        message = gettext(
            "We have received a lot of feedback from your connection in the last few "
            "minutes. Please try again a little later."
        )
        if wants_json:
            return JsonResponse({"status": "busy", "message": message}, status=429)
        messages.error(request, message)
        form = feedback_rules.FeedbackForm(request.POST)
        form.is_valid()  # keep what the reader typed
        response = page.render(request, context_overrides={"feedback_form": form})
        response.status_code = 429
        response["Retry-After"] = "600"
        return response

    if feedback_rules.already_answered(request, page):
        message = gettext("You have already told us about this page. Thank you!")
        return _done(request, page, wants_json, message, status=409)

    form = feedback_rules.FeedbackForm(request.POST)
    if not form.is_valid():
        if wants_json:
            errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
            return JsonResponse({"status": "invalid", "errors": errors}, status=400)
        messages.error(
            request,
            gettext(
                "Your feedback was not sent yet: please check the form at the end of the page."
            ),
        )
        response = page.render(request, context_overrides={"feedback_form": form})
        response.status_code = 400
        return response

    if not feedback_rules.claim_answer(request, page):  # a second answer sent at once
        message = gettext("You have already told us about this page. Thank you!")
        return _done(request, page, wants_json, message, status=409)
    Feedback.objects.create(
        page=page,
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
    )
    message = gettext("Thank you for your feedback. It helps us improve this guidance.")
    return _done(request, page, wants_json, message)


def _done(request, page, wants_json, message, status=200):
    if wants_json:
        state = "thanks" if status == 200 else "already"
        return JsonResponse({"status": state, "message": message}, status=status)
    messages.success(request, message)
    return HttpResponseRedirect(page.get_url(request) + "#feedback")
