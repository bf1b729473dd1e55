"""Machine translation: the offline stand-in, provenance, the readers' notice and review."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from hub.machine_translation import StandInTranslator, machine_state
from hub.models import MachineTranslation
from hub.settings.sources import machine_translator
from tests.factories import make_project

NOTICE = "This page was translated by machine and has not yet been reviewed by a person."


def locale(code):
    return Locale.objects.get(language_code=code)


def publish(translation, user, capture):
    """``save_target(publish=True)`` publishes when the transaction commits: run that now."""
    with capture(execute=True):
        translation.save_target(user=user, publish=True)


def submit(page, code, user=None):
    """Submit ``page`` for translation into ``code`` (a draft target page), as the admin does."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale(code)
    )
    translation.save_target(user=user, publish=False)
    return translation


@pytest.fixture
def project(registry):
    return make_project(
        registry,
        title="Wellbeing poll",
        slug="wellbeing-poll",
        summary="A monthly poll about <wellbeing> & stress.",
    )


@pytest.fixture
def machine_translated(client, people, project, django_capture_on_commit_callbacks):
    """The project machine-translated into German through wagtail-localize's own action,
    then published: ``(translation, german_page)``."""
    translation = submit(project, "de", people["editor"])
    client.force_login(people["editor"])
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    publish(translation, people["editor"], django_capture_on_commit_callbacks)
    client.logout()
    return translation, project.get_translation(locale("de")).specific


# --- the stand-in translator ---------------------------------------------------------------


def test_stand_in_marks_each_segment_and_keeps_inline_html():
    translator = StandInTranslator({})
    html = StringValue.from_source_html('Read <b>this</b> &amp; <a href="/x">that</a>')[0]
    result = translator.translate(locale_stub("en"), locale_stub("fr"), [html])[html]

    assert result.data.startswith("[FR MT] ")
    assert result.data == "[FR MT] " + html.data
    rendered = result.render_html(html_attrs(html))
    assert "<b>this</b>" in rendered and 'href="/x"' in rendered and "&amp;" in rendered
    assert StringValue.from_translated_html(result.data).data == result.data  # valid


def test_stand_in_translates_between_site_languages_only():
    translator = StandInTranslator({})
    assert translator.can_translate(locale_stub("en"), locale_stub("sl"))
    assert translator.can_translate(locale_stub("pl"), locale_stub("nl"))
    assert not translator.can_translate(locale_stub("en"), locale_stub("en"))
    assert not translator.can_translate(locale_stub("en"), locale_stub("ja"))


def test_tests_and_development_use_the_stand_in_and_production_needs_a_key():
    assert isinstance(get_machine_translator(), StandInTranslator)
    assert machine_translator("off") is None
    assert machine_translator(None) is None
    assert machine_translator("standin")["CLASS"] == "hub.machine_translation.StandInTranslator"
    assert machine_translator("DeepL", "key")["OPTIONS"] == {"AUTH_KEY": "key"}
    with pytest.raises(ImproperlyConfigured):
        machine_translator("deepl", "")
    with pytest.raises(ImproperlyConfigured):
        machine_translator("babelfish")


# --- provenance ----------------------------------------------------------------------------


def test_publishing_machine_text_records_it_unreviewed(machine_translated, project):
    _translation, german = machine_translated
    assert german.title.startswith("[DE MT] ")
    record = MachineTranslation.objects.get(page=german)
    assert record.reviewed_at is None
    assert record.source_locale == locale("en")
    assert "Stand-in" in record.translator
    assert machine_state([german.pk, project.pk]) == {german.pk}
    assert not MachineTranslation.objects.filter(page=project).exists()


def test_a_draft_is_not_recorded_until_published(client, people, project):
    translation = submit(project, "de", people["editor"])
    client.force_login(people["editor"])
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert StringTranslation.objects.filter(translation_type="machine").exists()
    assert not MachineTranslation.objects.exists()


def test_a_translation_made_by_people_is_not_recorded(
    people, project, django_capture_on_commit_callbacks
):
    translation = submit(project, "de", people["editor"])
    for segment in translation.source.stringsegment_set.all():
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=locale("de"),
            data="Von Hand",
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    publish(translation, people["editor"], django_capture_on_commit_callbacks)
    assert project.get_translation(locale("de")).live
    assert not MachineTranslation.objects.exists()


def test_machine_state_is_one_query(machine_translated, django_assert_max_num_queries):
    _translation, german = machine_translated
    with django_assert_max_num_queries(1):
        # 2,000 ids around the page's own (ids are not reset between tests on PostgreSQL).
        assert machine_state(range(german.pk - 1000, german.pk + 1000)) == {german.pk}
    with django_assert_max_num_queries(1):
        assert machine_state([]) == set()


# --- the readers' notice and review --------------------------------------------------------


def test_readers_see_the_notice_until_an_editor_marks_it_reviewed(
    client, people, machine_translated, project
):
    _translation, german = machine_translated
    page = client.get(german.url)
    html = page.content.decode()
    assert page.status_code == 200
    with translation.override("de"):
        assert gettext(NOTICE) in html  # in the reader's language
    assert 'aria-labelledby="machine-notice-title"' in html
    assert f'href="{project.url}" hreflang="en"' in html  # the original
    assert NOTICE not in client.get(project.url).content.decode()

    client.force_login(people["editor"])
    url = reverse("hub_translation_review", args=[german.pk])
    assert "Mark reviewed" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    record = MachineTranslation.objects.get(page=german)
    assert record.reviewed_by == people["editor"] and record.reviewed_at is not None
    assert machine_state([german.pk]) == set()

    client.logout()
    html = client.get(german.url).content.decode()
    with translation.override("de"):
        assert gettext(NOTICE) not in html and "machine-notice-title" not in html

    # Idempotent: a second review changes nothing.
    client.force_login(people["editor"])
    client.post(url)
    assert MachineTranslation.objects.get(page=german).reviewed_at == record.reviewed_at


def test_new_machine_text_after_a_review_brings_the_notice_back(
    people, machine_translated, django_capture_on_commit_callbacks
):
    translation, german = machine_translated
    MachineTranslation.objects.filter(page=german).update(
        reviewed_at=StringTranslation.objects.latest("updated_at").updated_at,
        reviewed_by=people["editor"],
    )
    StringTranslation.objects.filter(locale=locale("de")).first().save()  # newer machine text
    publish(translation, people["editor"], django_capture_on_commit_callbacks)
    assert machine_state([german.pk]) == {german.pk}


def test_officers_without_the_admin_cannot_mark_it_reviewed(client, people, machine_translated):
    _translation, german = machine_translated
    client.force_login(people["officer"])
    url = reverse("hub_translation_review", args=[german.pk])
    assert client.post(url).status_code in {302, 403}
    assert machine_state([german.pk]) == {german.pk}


def test_staff_get_403_and_anonymous_are_sent_to_sign_in(client, people, machine_translated):
    _translation, german = machine_translated
    url = reverse("hub_translation_review", args=[german.pk])
    response = client.post(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(people["staff"])
    assert client.post(url).status_code == 403
    assert machine_state([german.pk]) == {german.pk}


def test_review_of_unknown_or_unrecorded_pages(client, people, project, home):
    client.force_login(people["editor"])
    # The admin's 404 goes through LocaleMiddleware's redirect to /en/…, a 404 there too.
    missing = client.post(reverse("hub_translation_review", args=[999999]), follow=True)
    assert missing.status_code == 404
    root = client.post(reverse("hub_translation_review", args=[home.get_parent().pk]), follow=True)
    assert root.status_code == 404
    response = client.post(reverse("hub_translation_review", args=[project.pk]))
    assert response.status_code == 302
    assert not MachineTranslation.objects.exists()


def test_the_admin_offers_review_to_those_who_can_publish(client, people, machine_translated):
    _translation, german = machine_translated
    listing = reverse("wagtailadmin_explore", args=[german.get_parent().pk])
    review = reverse("hub_translation_review", args=[german.pk])
    client.force_login(people["staff"])
    assert review not in client.get(listing).content.decode()
    client.force_login(people["editor"])
    assert review in client.get(listing).content.decode()
    client.post(review)
    assert review not in client.get(listing).content.decode()


# --- helpers -------------------------------------------------------------------------------


def locale_stub(code):
    return Locale(language_code=code)


def html_attrs(value):
    """The attributes the source segment stripped out, to render the translation back."""
    return StringValue.from_source_html('Read <b>this</b> &amp; <a href="/x">that</a>')[1]


def test_the_page_editor_offers_review_once_the_page_is_edited_directly(
    client, people, machine_translated
):
    translation, german = machine_translated
    Translation.objects.filter(pk=translation.pk).update(enabled=False)  # "manual editing"
    client.force_login(people["editor"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[german.pk]))
    assert edit.status_code == 200
    assert reverse("hub_translation_review", args=[german.pk]) in edit.content.decode()


@pytest.mark.parametrize(
    ("module", "environment", "expected"),
    [
        ("hub.settings.base", {}, None),  # production without a key: off
        ("hub.settings.base", {"DEEPL_API_KEY": "k"}, "deepl"),
        ("hub.settings.dev", {}, "standin"),
        ("hub.settings.dev", {"DEEPL_API_KEY": "k"}, "deepl"),
        ("hub.settings.dev", {"DEEPL_API_KEY": "k", "HUB_MACHINE_TRANSLATOR": "off"}, None),
    ],
)
def test_default_translator_per_environment(monkeypatch, module, environment, expected):
    import importlib

    for name in ("DEEPL_API_KEY", "HUB_MACHINE_TRANSLATOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings_module = importlib.reload(importlib.import_module(module))
    config = settings_module.WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    monkeypatch.undo()
    importlib.reload(settings_module)  # leave the module as the real environment makes it
    if expected is None:
        assert config is None
    else:
        assert config["CLASS"] == machine_translator(expected, "k")["CLASS"]
