"""hub.permissions: sign in first, then a refusal that says why (or asks for a second factor)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.utils import translation

from hub.permissions import Refused, permission_required, require, signed_in_required
from hub.twofactor import ALLOWED, DENIED, SECOND_FACTOR_NEEDED
from tests.factories import make_user


def test_require_lets_an_allowed_check_through():
    assert require(True, "never shown") is None
    assert require(ALLOWED, "never shown") is None


@pytest.mark.parametrize("answer", [False, DENIED])
def test_require_refuses_with_the_views_reason(answer):
    with pytest.raises(Refused) as refused:
        require(answer, "Only leads.", title="No", template="x.html", next_url="/back/")
    assert refused.value.message == "Only leads."
    assert (refused.value.title, refused.value.template) == ("No", "x.html")
    assert refused.value.second_factor is False


def test_require_asks_for_the_second_factor_when_that_is_all_that_is_missing():
    with pytest.raises(Refused) as refused:
        require(SECOND_FACTOR_NEEDED, "Moderators only.", next_url="/back/")
    assert refused.value.second_factor is True
    assert refused.value.next_url == "/back/"


def test_anonymous_visitors_are_sent_to_sign_in_and_the_view_never_runs():
    ran = []

    @signed_in_required
    def view(request):
        ran.append(request)
        return HttpResponse("secret")

    request = RequestFactory().get("/en/projects/mine/?page=2")
    request.user = AnonymousUser()
    with translation.override("en"):
        response = view(request)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/projects/mine/%3Fpage%3D2"
    assert not ran


@pytest.mark.django_db
def test_a_refusal_is_the_403_page_with_its_reason_and_never_cached(client, registry):
    client.force_login(make_user(groups=("Officers",)))
    response = client.get("/en/projects/register/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Only staff members can register projects." in html
    assert "Go to My projects" in html
    assert "no-store" in response["Cache-Control"]


def _view(request, page, pk):
    return HttpResponse(f"{page}:{pk}")


def _request(user):
    request = RequestFactory().get("/en/induction/manifesto/7/?tab=links")
    request.user = user
    return request


def test_permission_required_sends_anonymous_visitors_to_sign_in_and_back():
    view = permission_required(lambda user: True)(_view)
    with translation.override("en"):
        response = view(_request(AnonymousUser()), "hub", pk=7)
    assert response.status_code == 302
    assert response["Location"] == (
        "/en/accounts/login/?next=/en/induction/manifesto/7/%3Ftab%3Dlinks"
    )


@pytest.mark.django_db
def test_a_passed_check_runs_the_view_with_its_arguments(people):
    seen = []
    view = permission_required(lambda user: seen.append(user) or True)(_view)
    response = view(_request(people["officer"]), "hub", pk=7)
    assert response.content == b"hub:7"
    assert seen == [people["officer"]]
    assert view.__name__ == "_view"


@pytest.mark.django_db
def test_a_failed_check_is_refused_or_raises_the_chosen_exception(people):
    with pytest.raises(Refused):
        permission_required(lambda user: DENIED, "No.")(_view)(_request(people["staff"]), "h", pk=7)
    with pytest.raises(Http404):
        permission_required(lambda user: False, denied=Http404)(_view)(
            _request(people["staff"]), "hub", pk=7
        )


@pytest.mark.django_db
def test_a_check_a_second_factor_would_lift_asks_for_it_even_with_a_404_refusal(people):
    view = permission_required(lambda user: SECOND_FACTOR_NEEDED, denied=Http404)(_view)
    with pytest.raises(Refused) as refused:
        view(_request(people["moderator"]), "hub", pk=7)
    assert refused.value.second_factor is True
