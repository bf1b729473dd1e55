"""One shape for the front-end views' access checks: sign in first, then a permission test.

:func:`login_and_permission_required` wraps a view (a plain function, or the function a
routable page's route delegates to). A visitor who is not signed in is sent to the sign-in
page and back to the same address afterwards (``redirect_to_login``, as everywhere on the
site). A signed-in person is then asked ``test(user)``:

- a true answer runs the view;
- a refusal that a session confirmed with a second factor would turn into a yes (an
  :class:`hub.twofactor.Access` with ``needs_second_factor``) goes to confirm the sign-in and
  comes back (:func:`hub.twofactor.second_factor_redirect`);
- any other refusal raises ``denied``: :class:`~django.core.exceptions.PermissionDenied` by
  default, which Django answers with the site's 403 page, or ``Http404`` where even the
  existence of the page is nobody else's business (someone's own manifesto or handovers).

Checks on one object (may this person edit *this* project?) need the object, so they stay in
the view; this decorator answers the questions about the person alone.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hub.twofactor import second_factor_redirect


def to_login(request):
    """Send ``request`` to the sign-in page, coming back to this address afterwards."""
    return redirect_to_login(request.get_full_path(), reverse("login"))


def login_and_permission_required(test=None, *, denied=PermissionDenied):
    """Decorate a view: sign-in required, then ``test(user)`` (none: signing in is enough).

    ``denied`` is the exception raised when the test refuses (``PermissionDenied`` → 403, or
    ``Http404``).
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return to_login(request)
            if test is not None:
                answer = test(user)
                if not answer:
                    if getattr(answer, "needs_second_factor", False):
                        return second_factor_redirect(request)
                    raise denied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


#: Signing in is all the view asks for (the view itself limits what it shows to the user's own).
login_required = login_and_permission_required()
