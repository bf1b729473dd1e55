"""Review of projects: who is told, and how (see ``receivers`` and ``apps``)."""
