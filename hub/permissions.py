"""Who may open a view: one decorator and one check, for every app's own views.

- :func:`signed_in_required` sends anonymous visitors to sign in, and back here afterwards.
- :func:`require` takes a permission check's answer (a boolean or a
  :class:`hub.twofactor.Access`) and, when it refuses, raises :class:`Refused`, a
  ``PermissionDenied``: Django hands it to :func:`permission_denied` (``handler403`` in
  ``hub/urls.py``), which shows the 403 page with the reason the view gave, or sends a person
  who holds the power but has not confirmed this sign-in to do so with their second factor.
- :func:`permission_required` is both at once, for a check that needs only the user; with
  ``denied=Http404`` a refusal answers "not found" instead, where even the existence of the
  page is nobody else's business (someone's own manifesto or handovers).

A view checks after loading what the check is about, so a missing object is still a 404::

    @signed_in_required
    def edit(request, pk):
        project = get_object_or_404(ProjectPage, pk=pk)
        require(can_edit_project(request.user, project), _("Only its leads can edit it."))
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views import defaults

from hub.twofactor import second_factor_redirect


class Refused(PermissionDenied):
    """A signed-in person may not do this: the 403 page says why (``message``, ``title``).

    ``template`` renders the page instead of ``403.html`` (it gets ``message`` and ``title``).
    With ``second_factor``, confirming the sign-in would allow it: the person is sent to do
    that, then to ``next_url`` (by default the address refused).
    """

    def __init__(
        self, message="", *, title=None, template=None, second_factor=False, next_url=None
    ):
        super().__init__(message)
        self.message = message
        self.title = title
        self.template = template
        self.second_factor = second_factor
        self.next_url = next_url


def require(access, message="", *, title=None, template=None, next_url=None) -> None:
    """Return if ``access`` allows, else raise :class:`Refused` saying ``message``."""
    if access:
        return
    raise Refused(
        message,
        title=title,
        template=template,
        second_factor=getattr(access, "needs_second_factor", False),
        next_url=next_url,
    )


def to_sign_in(request):
    """Send the visitor to sign in, then back to this address."""
    return redirect_to_login(request.get_full_path(), login_url=reverse("login"))


def signed_in_required(view):
    """View decorator: anonymous visitors go to sign in first (the view never runs for them)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return to_sign_in(request)
        return view(request, *args, **kwargs)

    return wrapper


def permission_required(check, message="", *, denied=None, **refusal):
    """View decorator: sign in first, then ``check(user)`` must allow (see :func:`require`).

    ``denied``: an exception class raised instead of :class:`Refused` when the check refuses
    for a reason a second factor would not lift (``Http404``).
    """

    def decorate(view):
        @signed_in_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            answer = check(request.user)
            if not answer and denied is not None:
                if not getattr(answer, "needs_second_factor", False):
                    raise denied
            require(answer, message, **refusal)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def permission_denied(request, exception):
    """``handler403``: a :class:`Refused` page with its reason (never cached: what a person
    may see changes with their rights), else Django's own 403 page."""
    if not isinstance(exception, Refused):
        return defaults.permission_denied(request, exception)
    if exception.second_factor:
        response = second_factor_redirect(request, exception.next_url)
    else:
        response = render(
            request,
            exception.template or "403.html",
            {"message": exception.message, "title": exception.title},
            status=403,
        )
    add_never_cache_headers(response)
    return response
