"""The guideline page's own sub-page and its view (see :mod:`hub.page_routes`).

Imported by ``KnowledgeConfig.ready()``. The guidance index page's routes (its listing, the
resource library and the feed) are ``@path`` methods of its own: they render the page itself.
"""

from hub.page_routes import page_path, routes
from knowledge.models.guideline import GuidelinePage
from knowledge.views import feedback

routes(GuidelinePage, [page_path("feedback/", feedback, name="feedback")])
