"""The base of every snippet viewset here: Wagtail's, with a chooser that cannot be crashed.

Wagtail's snippet chooser always offers a "create" address, even for snippets that cannot be
created from a chooser; a POST there failed with an AttributeError (a 500). Here it is a 404.
"""

from django.http import Http404
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import SnippetViewSet


class ChooserCreateView(SnippetCreateView):
    def dispatch(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404("nothing can be created from this chooser")
        return super().dispatch(request, *args, **kwargs)


class ChooserViewSet(SnippetChooserViewSet):
    create_view_class = ChooserCreateView


class HubSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = ChooserViewSet
