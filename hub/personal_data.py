"""A registry through which each app declares the personal data it keeps about a user.

Apps register an exporter (``user -> JSON-serialisable dict``) and an eraser (``user -> None``,
anonymising or deleting that app's records so nothing else is lost) from their
``AppConfig.ready()``. The account pages in ``hub`` call :func:`export_user_data` and
:func:`erase_user_data` without importing any app, so imports keep running downward.
"""

_providers = {}


def register(name, *, export, erase):
    """Declare ``name``'s personal data. Registering the same name again replaces it."""
    _providers[name] = (export, erase)


def providers():
    return dict(_providers)


def export_user_data(user):
    return {name: export(user) for name, (export, _erase) in sorted(_providers.items())}


def erase_user_data(user):
    """Run every eraser; call inside a transaction together with the account's deletion."""
    for _name, (_export, erase) in sorted(_providers.items()):
        erase(user)
