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

from hub.demo import sync_locales
from hub.models import Theme
from knowledge import demo_data
from knowledge.blocks import GuidelineBodyBlock
from knowledge.demo_data import T
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
    raw = []
    for item in items:
        kind = item[0]
        if kind in ("h2", "h3"):
            raw.append({"type": "heading", "value": {"text": en(item[1]), "level": kind}})
        elif kind == "p":
            raw.append({"type": "paragraph", "value": _html(item[1])})
        elif kind == "list":
            entries = "".join(f"<li>{escape(en(entry))}</li>" for entry in item[1])
            raw.append({"type": "paragraph", "value": f"<ul>{entries}</ul>"})
        elif kind == "callout":
            _kind, style, title, text = item
            value = {"kind": style, "title": en(title), "text": _html(text)}
            raw.append({"type": "callout", "value": value})
        elif kind == "checklist":
            value = {"title": en(item[1]), "items": [en(entry) for entry in item[2]]}
            raw.append({"type": "checklist", "value": value})
        elif kind == "quote":
            raw.append({"type": "quote", "value": {"quote": en(item[1]), "attribution": item[2]}})
        elif kind == "table":
            _kind, caption, rows = item
            value = {
                "table_caption": en(caption),
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_header_choice": "row",
                "data": [[en(cell) for cell in row] for row in rows],
            }
            raw.append({"type": "table", "value": value})
        elif kind == "practice":
            data = item[1]
            project = projects.get(data.get("project"))
            value = {
                "institution": en(data["institution"]),
                "place": en(data.get("place", "")),
                "challenge": en(data["challenge"]),
                "approach": _html(data["approach"]),
                "result": en(data.get("result", "")),
                "project": project.pk if project else None,
            }
            raw.append({"type": "practice_example", "value": value})
        elif kind == "download":
            _kind, key, text = item
            document_id = resources[key].document_id
            raw.append({"type": "document", "value": {"document": document_id, "title": en(text)}})
        else:
            raise ValueError(f"Unknown demo body item {kind!r}")
    return GuidelineBodyBlock().to_python(raw)


def ensure_index(ctx):
    index = KnowledgeIndexPage.objects.child_of(ctx.home).filter(slug="guidance").first()
    if index is None:
        index = KnowledgeIndexPage(
            title=en(demo_data.INDEX["title"]),
            slug=en(demo_data.INDEX["slug"]),
            intro=en(demo_data.INDEX["intro"]),
            show_in_menus=True,
        )
        ctx.home.add_child(instance=index)
        index.save_revision(user=ctx.users.get("editor")).publish()
        ctx.count("guidance page")
    return index


def ensure_resources(ctx):
    Document = get_document_model()
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=ctx.locale)}
    editor = ctx.users.get("editor")
    by_key = {}
    for key, title, description, kind, language, slugs, filename, content in demo_data.RESOURCES:
        resource = Resource.objects.filter(locale=ctx.locale, title=title).first()
        if resource is None:
            document = Document.objects.filter(title=title).first()
            if document is None:
                document = Document(title=title, uploaded_by_user=editor)
                document.file.save(filename, ContentFile(content.encode("utf-8")), save=False)
                document._set_document_file_metadata()
                document.save()
            resource = Resource(
                locale=ctx.locale,
                title=title,
                description=description,
                kind=kind,
                language=language,
                document=document,
            )
            resource.themes = [themes[slug] for slug in slugs if slug in themes]
            resource.full_clean()
            resource.save()
            ctx.count("resource")
        by_key[key] = resource
    return by_key


def ensure_guidelines(ctx, index, resources):
    project_model = GuidelineRelatedProject._meta.get_field("project").related_model
    titles = {title for data in demo_data.GUIDELINES for title in data["projects"]}
    titles |= {
        item[1].get("project")
        for data in demo_data.GUIDELINES
        for item in data["body"]
        if item[0] == "practice"
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
    for data in demo_data.GUIDELINES:
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


def ensure_featured(ctx, index, pages):
    if index.featured_links.exists():
        return
    index.featured_links = [
        KnowledgeFeaturedLink(guideline=pages[slug]) for slug in demo_data.FEATURED
    ]
    index.save_revision(user=ctx.users.get("editor")).publish()


def ensure_feedback(ctx, pages):
    today = timezone.localdate()
    answered = set(
        Feedback.objects.filter(page__in=pages.values()).values_list("page_id", flat=True)
    )
    for number, (slug, helpful, comment) in enumerate(demo_data.FEEDBACK):
        page = pages[slug]
        if page.pk in answered:
            continue
        answer = Feedback.objects.create(page=page, helpful=helpful, comment=comment)
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


def ensure_translations(ctx, index, pages):
    # Mirror the tree first, so each translation replaces an alias under an existing parent.
    sync_locales(ctx)
    editor = ctx.users.get("editor")
    work = [(index, translation_table(demo_data.INDEX))]
    for data in demo_data.TRANSLATED:
        work.append((pages[en(data["slug"])], translation_table(data)))
    for code in demo_data.TRANSLATED_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        for page, table in work:
            if translate(page, table, locale, editor):
                ctx.count("translated page")


def load(ctx):
    index = ensure_index(ctx)
    resources = ensure_resources(ctx)
    pages = ensure_guidelines(ctx, index, resources)
    ensure_featured(ctx, index, pages)
    ensure_feedback(ctx, pages)
    ensure_translations(ctx, index, pages)
