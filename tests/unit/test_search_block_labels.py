"""Search indexes what a page says, never the labels of its blocks' choices."""

from django.apps import apps
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

from hub.blocks import CalloutBlock, HeadingBlock


def child_blocks(block):
    yield block
    children = getattr(block, "child_blocks", None) or {}
    for child in children.values():
        yield from child_blocks(child)
    if isinstance(block, blocks.ListBlock):
        yield from child_blocks(block.child_block)


def test_no_choice_block_in_any_page_body_is_indexed():
    found = 0
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            for block in child_blocks(field.stream_block):
                if isinstance(block, blocks.ChoiceBlock | blocks.MultipleChoiceBlock):
                    found += 1
                    assert block.search_index is False, f"{model.__name__}.{field.name}: {block}"
    assert found >= 3  # headings, callouts, seats, sessions


def test_a_heading_indexes_its_text_only():
    heading = HeadingBlock()
    value = heading.to_python({"text": "Wellbeing work", "level": "h2"})
    assert heading.get_searchable_content(value) == ["Wellbeing work"]
    callout = CalloutBlock()
    value = callout.to_python({"kind": "warning", "title": "Before you start", "text": "<p>x</p>"})
    content = " ".join(callout.get_searchable_content(value))
    assert "Warning" not in content and "Before you start" in content
