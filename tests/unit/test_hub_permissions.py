"""hub.permissions: sign in first, then the permission test, with the site's usual answers."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from hub.permissions import login_and_permission_required, login_required
from hub.twofactor import DENIED, SECOND_FACTOR_NEEDED


def _view(request, page, pk):
    return HttpResponse(f"{page}:{pk}")


def _request(user):
    request = RequestFactory().get("/en/induction/manifesto/7/?tab=links")
    request.user = user
    return request


def test_anonymous_visitors_go_to_sign_in_and_come_back():
    view = login_and_permission_required(lambda user: True)(_view)
    response = view(_request(AnonymousUser()), "hub", pk=7)
    assert response.status_code == 302
    assert response["Location"] == (
        "/en/accounts/login/?next=/en/induction/manifesto/7/%3Ftab%3Dlinks"
    )


@pytest.mark.django_db
def test_a_passed_test_runs_the_view_with_its_arguments(people):
    seen = []
    view = login_and_permission_required(lambda user: seen.append(user) or True)(_view)
    response = view(_request(people["officer"]), "hub", pk=7)
    assert response.content == b"hub:7"
    assert seen == [people["officer"]]
    assert view.__name__ == "_view"


@pytest.mark.django_db
def test_a_refusal_raises_permission_denied_or_the_chosen_exception(people):
    with pytest.raises(PermissionDenied):
        login_and_permission_required(lambda user: DENIED)(_view)(
            _request(people["staff"]), "hub", pk=7
        )
    with pytest.raises(Http404):
        login_and_permission_required(lambda user: False, denied=Http404)(_view)(
            _request(people["staff"]), "hub", pk=7
        )


@pytest.mark.django_db
def test_a_refusal_a_second_factor_would_lift_asks_for_it(people):
    view = login_and_permission_required(lambda user: SECOND_FACTOR_NEEDED)(_view)
    response = view(_request(people["moderator"]), "hub", pk=7)
    assert response.status_code == 302
    assert response["Location"] == (
        "/admin/two-factor/setup/?next=%2Fen%2Finduction%2Fmanifesto%2F7%2F%3Ftab%3Dlinks"
    )


@pytest.mark.django_db
def test_login_required_only_asks_for_a_sign_in(people):
    view = login_required(_view)
    assert view(_request(people["staff"]), "hub", pk=1).content == b"hub:1"
    assert view(_request(AnonymousUser()), "hub", pk=1).status_code == 302
