"""The commands that move a Hugo site to Sphinx: ``check``, ``init``."""
