"""The demo's data files (demo/data/): every file is read, and what they refer to exists."""

import sys

import pytest
from django.core.management import CommandError, call_command

from demo import content


def test_every_data_file_is_read_and_nothing_else_is_there():
    guidance = content.read("guidance/index")
    induction = content.read("induction/induction")
    read = {"taxonomies.json", "projects.json", "guidance/index.json", "induction/induction.json"}
    read |= {f"guidance/{slug}.json" for slug in guidance["guidelines"]}
    read |= {f"guidance/files/{resource['file']}" for resource in guidance["resources"]}
    read |= {f"induction/modules/{slug}.json" for slug in induction["modules"]}
    on_disk = {
        path.relative_to(content.DATA).as_posix()
        for path in content.DATA.rglob("*")
        if path.is_file() and path.name != "README.md"
    }
    assert on_disk == read


def test_projects_name_taxonomies_that_exist():
    taxonomies = {
        key: {item["slug"] for item in items} for key, items in content.taxonomies().items()
    }
    projects = content.projects()
    assert len({project["title"] for project in projects}) == len(projects) >= 40
    for project in projects:
        assert set(project["themes"]) <= taxonomies["themes"], project["title"]
        assert project["unit"] in taxonomies["units"], project["title"]
        assert set(project["campuses"]) <= taxonomies["campuses"], project["title"]


def test_guidance_refers_to_resources_guidelines_and_projects_that_exist():
    guidance = content.guidance()
    slugs = [guideline["slug"] for guideline in guidance["guidelines"]]
    slugs = [slug.en if isinstance(slug, content.T) else slug for slug in slugs]
    assert content.read("guidance/index")["guidelines"] == slugs  # each file is its slug
    assert set(guidance["featured"]) <= set(slugs)
    assert {feedback["guideline"] for feedback in guidance["feedback"]} <= set(slugs)
    keys = {resource["key"] for resource in guidance["resources"]}
    titles = {project["title"] for project in content.projects()}
    for guideline in guidance["guidelines"]:
        downloads = {item["resource"] for item in guideline["body"] if item["type"] == "download"}
        assert downloads | set(guideline["resources"]) <= keys, guideline["slug"]
        assert set(guideline["projects"]) <= titles, guideline["slug"]
        for item in guideline["body"]:
            if item["type"] == "practice" and item.get("project"):
                assert item["project"] in titles, guideline["slug"]
    # The translated guidelines carry all three languages, read as T.
    for guideline in guidance["translated"]:
        assert isinstance(guideline["title"], content.T)
        assert all(guideline["title"])


def test_induction_modules_and_pledges_refer_to_what_exists():
    induction = content.induction()
    roles = {role["slug"] for role in induction["roles"]}
    seen = set()
    for module in induction["modules"]:
        assert module.get("prerequisite") in seen | {None}, module["slug"]
        assert set(module.get("roles", [])) <= roles, module["slug"]
        seen.add(module["slug"])
    for session in induction["sessions"]:
        assert set(session["roles"]) <= roles, session["title"]
    titles = {project["title"] for project in content.projects()}
    for pledges in induction["pledges"].values():
        for pledge in pledges:
            assert set(pledge["projects"]) <= titles, pledge["title"]
    assert {item["title"] for item in induction["handover"]["projects"]} <= titles


def test_load_demo_without_the_demo_package_says_so(monkeypatch):
    # As in the production image, which leaves demo/ out (.dockerignore).
    monkeypatch.setitem(sys.modules, "demo", None)  # "import demo" fails
    with pytest.raises(CommandError, match="run load_demo from a checkout"):
        call_command("load_demo")
