"""The induction views, by feature.

- :mod:`~induction.views.dashboard`: the hub's own address (an officer's dashboard, or the
  public programme);
- :mod:`~induction.views.modules`: programme and training-module pages, saving progress;
- :mod:`~induction.views.manifesto`: pledges, linked projects, public trackers;
- :mod:`~induction.views.handover`: writing and reading handovers;
- :mod:`~induction.views.calendar`: the calendar page; :mod:`~induction.views.feeds`: the
  ``.ics`` feeds themselves (``induction.feed_urls``);
- :mod:`~induction.views.accounts`: the invitation's set-password page (``induction.urls``);
- :mod:`~induction.views.common`: what they share.

The page models' routes (``RoutablePageMixin``, ``induction.models.pages``) call these
functions with the page. So that those imports run one way, no module here but ``feeds``
imports the page models, and none imports ``induction.models`` as a whole (only its
submodules): the pages import the views, never the other way round. This file imports nothing.
"""
