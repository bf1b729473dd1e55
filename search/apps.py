from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "hubsearch"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from search import moves, spelling

        uid = "search.spelling"
        page_published.connect(spelling.bump_version, dispatch_uid=uid + ".pub")
        page_unpublished.connect(spelling.bump_version, dispatch_uid=uid + ".unpub")
        post_delete.connect(spelling.bump_on_page_delete, dispatch_uid=uid + ".delete")
        post_page_move.connect(moves.on_page_moved, dispatch_uid="search.moves.subtree")
