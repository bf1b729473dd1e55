"""Model names in the plural: each model of the hub names its own plural, in every language.

Without ``Meta.verbose_name_plural`` Django adds an "s" to the translated singular
("Project registrys", "Schulungsmoduls") in the site search's type facet and in the admin.
"""

import pytest
from django.apps import apps
from wagtail.models import Locale

HUB_PACKAGES = {"hub", "projects", "knowledge", "induction", "search"}


def hub_models():
    return [
        model
        for config in apps.get_app_configs()
        if config.name.split(".")[0] in HUB_PACKAGES
        for model in config.get_models()
    ]


def test_the_hub_apps_have_models_to_check():
    labels = {model._meta.app_label for model in hub_models()}
    assert {"hub", "projects", "knowledge", "induction", "hubsearch"} <= labels


@pytest.mark.parametrize("model", hub_models(), ids=lambda model: model._meta.label)
def test_every_hub_model_names_its_own_plural(model):
    assert "verbose_name_plural" in model._meta.original_attrs


def test_german_search_type_facet_names_the_registry_in_the_plural(client, registry):
    german = registry.copy_for_translation(
        Locale.objects.get(language_code="de"), copy_parents=True
    )
    german.title = "Verzeichnis der Partnerschaftsprojekte"
    german.save_revision().publish()
    response = client.get("/de/search/", {"q": "Partnerschaftsprojekte"})
    options = response.context["search"].facets["type"].options
    labels = {option.value: option.label for option in options}
    assert labels == {"projects.projectindexpage": "Projektverzeichnisse"}
