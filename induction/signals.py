"""Signal handlers for induction."""


def term_saved(sender, instance, raw=False, **kwargs):
    """A term saved with an end date in the past (ended early, or entered late) releases the
    officer's projects straight away instead of waiting for the daily ``end_terms`` run."""
    if raw or instance.projects_released_at is not None or not instance.has_ended():
        return
    from induction.succession import release_projects

    release_projects(instance)
