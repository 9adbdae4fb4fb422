"""The migration commands' work (``python -m sphinx_comparisons``): ``cli.py`` parses the
arguments, these modules do it."""
