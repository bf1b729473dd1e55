"""Demo guidance: the guidance section, twelve guidelines, resources and translations.

Runs after ``projects.demo`` (so guidelines can link to demo projects) and is idempotent: what
exists is left alone. Four guidelines and the guidance home are translated into German and
French the way wagtail-localize does it in the admin: a translation source, string
translations for every segment, then ``Translation.save_target``. Before translating, the tree
is mirrored into every language (as alias pages) so that each translation takes the place of
its alias, under a parent that already exists in that language.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from demo.content import T, guidance
from hub.demo import sync_locales
from hub.models import Theme
from knowledge.blocks import GuidelineBodyBlock
from knowledge.models import (
    Audience,
    Feedback,
    GuidelinePage,
    GuidelineRelatedGuidance,
    GuidelineRelatedProject,
    GuidelineResourceLink,
    KnowledgeFeaturedLink,
    KnowledgeIndexPage,
    Resource,
)


def en(value):
    return value.en if isinstance(value, T) else value


def _html(text):
    """Rich text from demo text: HTML as written, plain text wrapped in a paragraph."""
    text = en(text)
    return text if text.lstrip().startswith("<") else f"<p>{escape(text)}</p>"


def translation_table(*values):
    """Every :class:`T` inside ``values``, keyed by its English text."""
    table = {}

    def walk(value):
        if isinstance(value, T):
            known = table.get(value.en)
            if known is not None and known != value:
                raise ValueError(f"Two translations for {value.en!r}: {known} and {value}")
            table[value.en] = value
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for value in values:
        walk(value)
    return table


def build_body(items, resources, projects):
    """The guideline body from a data file's items (their types: ``demo/data/README.md``)."""
    raw = []
    for item in items:
        kind = item["type"]
        if kind in ("h2", "h3"):
            raw.append({"type": "heading", "value": {"text": en(item["text"]), "level": kind}})
        elif kind == "p":
            raw.append({"type": "paragraph", "value": _html(item["text"])})
        elif kind == "list":
            entries = "".join(f"<li>{escape(en(entry))}</li>" for entry in item["items"])
            raw.append({"type": "paragraph", "value": f"<ul>{entries}</ul>"})
        elif kind == "callout":
            value = {"kind": item["style"], "title": en(item["title"]), "text": _html(item["text"])}
            raw.append({"type": "callout", "value": value})
        elif kind == "checklist":
            value = {"title": en(item["title"]), "items": [en(entry) for entry in item["items"]]}
            raw.append({"type": "checklist", "value": value})
        elif kind == "quote":
            value = {"quote": en(item["text"]), "attribution": item["by"]}
            raw.append({"type": "quote", "value": value})
        elif kind == "table":
            value = {
                "table_caption": en(item["caption"]),
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_header_choice": "row",
                "data": [[en(cell) for cell in row] for row in item["rows"]],
            }
            raw.append({"type": "table", "value": value})
        elif kind == "practice":
            project = projects.get(item.get("project"))
            value = {
                "institution": en(item["institution"]),
                "place": en(item.get("place", "")),
                "challenge": en(item["challenge"]),
                "approach": _html(item["approach"]),
                "result": en(item.get("result", "")),
                "project": project.pk if project else None,
            }
            raw.append({"type": "practice_example", "value": value})
        elif kind == "download":
            document_id = resources[item["resource"]].document_id
            value = {"document": document_id, "title": en(item["text"])}
            raw.append({"type": "document", "value": value})
        else:
            raise ValueError(f"Unknown demo body item {kind!r}")
    return GuidelineBodyBlock().to_python(raw)


def ensure_index(ctx, data):
    index = KnowledgeIndexPage.objects.child_of(ctx.home).filter(slug="guidance").first()
    if index is None:
        index = KnowledgeIndexPage(
            title=en(data["index"]["title"]),
            slug=en(data["index"]["slug"]),
            intro=en(data["index"]["intro"]),
            show_in_menus=True,
        )
        ctx.home.add_child(instance=index)
        index.save_revision(user=ctx.users.get("editor")).publish()
        ctx.count("guidance page")
    return index


def ensure_resources(ctx, data):
    Document = get_document_model()
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=ctx.locale)}
    editor = ctx.users.get("editor")
    by_key = {}
    for spec in data["resources"]:
        title = spec["title"]
        resource = Resource.objects.filter(locale=ctx.locale, title=title).first()
        if resource is None:
            document = Document.objects.filter(title=title).first()
            if document is None:
                document = Document(title=title, uploaded_by_user=editor)
                content = ContentFile(spec["content"].encode("utf-8"))
                document.file.save(spec["file"], content, save=False)
                document._set_document_file_metadata()
                document.save()
            resource = Resource(
                locale=ctx.locale,
                title=title,
                description=spec["description"],
                kind=spec["kind"],
                language=spec["language"],
                document=document,
            )
            resource.themes = [themes[slug] for slug in spec["themes"] if slug in themes]
            resource.full_clean()
            resource.save()
            ctx.count("resource")
        by_key[spec["key"]] = resource
    return by_key


def ensure_guidelines(ctx, index, resources, guidelines):
    project_model = GuidelineRelatedProject._meta.get_field("project").related_model
    titles = {title for data in guidelines for title in data["projects"]}
    titles |= {
        item.get("project")
        for data in guidelines
        for item in data["body"]
        if item["type"] == "practice"
    }
    projects = {
        page.title: page
        for page in project_model.objects.filter(locale=ctx.locale, title__in=titles - {None})
    }
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=ctx.locale)}
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    editor = ctx.users.get("editor")
    today = timezone.localdate()

    pages, created = {}, []
    for data in guidelines:
        slug = en(data["slug"])
        page = GuidelinePage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            reviewed = today - datetime.timedelta(days=data["reviewed_days_ago"])
            page = GuidelinePage(
                title=en(data["title"]),
                slug=slug,
                summary=en(data["summary"]),
                body=build_body(data["body"], resources, projects),
                last_reviewed=reviewed,
                review_by=reviewed + datetime.timedelta(days=data.get("review_in_days", 365)),
                owner=editor,
            )
            page.themes = [themes[s] for s in data["themes"] if s in themes]
            page.audiences = [audiences[s] for s in data["audiences"]]
            page.related_project_links = [
                GuidelineRelatedProject(project=projects[title])
                for title in data["projects"]
                if title in projects
            ]
            page.resource_links = [
                GuidelineResourceLink(resource=resources[key]) for key in data["resources"]
            ]
            index.add_child(instance=page)
            page.save_revision(user=editor).publish()
            created.append((page, data))
            ctx.count("guideline")
        pages[slug] = page

    # Editors' picks of related guidance, once every guideline exists.
    for page, data in created:
        page.related_guidance_links = [
            GuidelineRelatedGuidance(guideline=pages[slug]) for slug in data["related"]
        ]
        page.save_revision(user=editor).publish()
    return pages


def ensure_featured(ctx, index, pages, featured):
    if index.featured_links.exists():
        return
    index.featured_links = [KnowledgeFeaturedLink(guideline=pages[slug]) for slug in featured]
    index.save_revision(user=ctx.users.get("editor")).publish()


def ensure_feedback(ctx, pages, feedback):
    today = timezone.localdate()
    answered = set(
        Feedback.objects.filter(page__in=pages.values()).values_list("page_id", flat=True)
    )
    for number, spec in enumerate(feedback):
        page = pages[spec["guideline"]]
        if page.pk in answered:
            continue
        answer = Feedback.objects.create(
            page=page, helpful=spec["helpful"], comment=spec["comment"]
        )
        Feedback.objects.filter(pk=answer.pk).update(
            created_on=today - datetime.timedelta(days=3 + 5 * number)
        )
        ctx.count("feedback answer")


def translate(page, table, locale, user):
    """Translate ``page`` into ``locale`` from ``table`` (wagtail-localize's own path).

    Returns False when a real translation already exists (an alias is replaced).
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return False
    source, _created = TranslationSource.update_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = StringValue(segment.string.data).render_text()
        if text not in table:
            raise ValueError(f"No {locale.language_code} text for {text!r} in {page.title!r}")
        translated = getattr(table[text], locale.language_code)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(translated).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(user=user, publish=True)
    return True


def ensure_translations(ctx, index, pages, data):
    # Mirror the tree first, so each translation replaces an alias under an existing parent.
    sync_locales(ctx)
    editor = ctx.users.get("editor")
    work = [(index, translation_table(data["index"]))]
    for guideline in data["translated"]:
        work.append((pages[en(guideline["slug"])], translation_table(guideline)))
    for code in data["translated_languages"]:
        locale = Locale.objects.get(language_code=code)
        for page, table in work:
            if translate(page, table, locale, editor):
                ctx.count("translated page")


def load(ctx):
    data = guidance()
    index = ensure_index(ctx, data)
    resources = ensure_resources(ctx, data)
    pages = ensure_guidelines(ctx, index, resources, data["guidelines"])
    ensure_featured(ctx, index, pages, data["featured"])
    ensure_feedback(ctx, pages, data["feedback"])
    ensure_translations(ctx, index, pages, data)
