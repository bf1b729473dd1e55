"""The registry's own pages: register, edit, review, join, answer requests, "My projects".

Wagtail serves the registry and the project pages themselves; these views do what readers
and leads act on. They are routes of the registry page (``projects/models/registry.py``), which
passes itself in as the second argument; this package never imports that module back. One
module per feature:

- :mod:`.register`: registering a project, and the form's as-you-type duplicate check;
- :mod:`.manage`: a project's dashboard, editing, review and publishing, "still current";
- :mod:`.membership`: asking to join, answering, withdrawing, removing members;
- :mod:`.mine`: "My projects" and the leads' inbox of requests.

Permissions come from :mod:`projects.permissions` and are enforced with
:mod:`hub.permissions`: signed-out visitors are sent to sign in, signed-in people without the
right see a page that says why (403), or confirm their sign-in first when that is all that is
missing.
"""
