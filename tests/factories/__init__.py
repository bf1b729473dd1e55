"""Builders for test data, all imported from here: ``from tests.factories import make_project``.

They raise on bad input; they never skip silently. By app:

- ``core``: users, pages, taxonomy (themes, units, campuses), the site, projects;
- ``knowledge``: the guidance index, guidelines and their StreamField bodies, documents,
  images, resources;
- ``induction``: roles, programmes and modules (lessons, checklists, quizzes), a whole
  induction hub with officers (``build_induction``), and the POST data of module forms.
"""

from .core import (
    clear_site,
    make_campus,
    make_draft_project,
    make_page,
    make_people,
    make_project,
    make_site,
    make_taxonomy,
    make_theme,
    make_unit,
    make_user,
    project_form_data,
)
from .induction import (
    block_of,
    build_induction,
    checklist,
    checklist_post,
    correct_quiz_post,
    lessons,
    make_module,
    make_programme,
    make_role,
    quiz,
    quiz_post,
    reflection,
    session,
    text,
)
from .knowledge import (
    body,
    heading,
    make_document,
    make_guidance_index,
    make_guideline,
    make_image,
    make_resource,
    paragraph,
)

__all__ = [
    "block_of",
    "body",
    "build_induction",
    "checklist",
    "checklist_post",
    "correct_quiz_post",
    "heading",
    "lessons",
    "make_campus",
    "make_document",
    "make_draft_project",
    "make_guidance_index",
    "make_guideline",
    "make_image",
    "make_module",
    "make_page",
    "make_people",
    "make_programme",
    "make_project",
    "make_resource",
    "make_role",
    "clear_site",
    "make_site",
    "make_taxonomy",
    "make_theme",
    "make_unit",
    "make_user",
    "paragraph",
    "project_form_data",
    "quiz",
    "quiz_post",
    "reflection",
    "session",
    "text",
]
