project = "sphinx-comparisons"
extensions = ["sphinx_comparisons"]
html_theme = "furo"
html_title = "sphinx-comparisons"
exclude_patterns = ["_build"]
