"""The induction pages' own sub-pages and the views that serve them (see :mod:`hub.page_routes`).

Imported by ``InductionConfig.ready()``. Route names are what templates and views pass to
``reverse_subpage`` (``{% routablepageurl hub "manifesto_route" %}``).
"""

import hub.inputs  # noqa: F401 (registers the <id:…> path converter)
from hub.page_routes import page_path, routes
from induction.models.pages import InductionIndexPage, TrainingModulePage
from induction.views import calendar, dashboard, handover, manifesto, modules

routes(
    InductionIndexPage,
    [
        page_path("", dashboard.hub_index, name="index_route"),
        page_path("officers/<slug:slug>/", manifesto.public_tracker, name="tracker_route"),
        page_path("calendar/", calendar.calendar_settings, name="calendar_route"),
        page_path("manifesto/", manifesto.manifesto, name="manifesto_route"),
        page_path("manifesto/<id:pk>/", manifesto.pledge_detail, name="pledge_route"),
        page_path("manifesto/<id:pk>/delete/", manifesto.pledge_delete, name="pledge_delete_route"),
        page_path("handover/", handover.handover_list, name="handover_route"),
        page_path(
            "handover/write/<id:term_id>/", handover.handover_edit, name="handover_write_route"
        ),
        page_path("handover/<id:pk>/", handover.handover_detail, name="handover_read_route"),
    ],
)

routes(TrainingModulePage, [page_path("progress/", modules.module_progress, name="progress_route")])
