"""The Hugo model: plain data and functions, with no Sphinx import."""
