project = "Larkspur"
extensions = ["sphinx_comparisons"]
html_theme = "furo"
html_title = "Larkspur docs"
copyright = "2026, the Larkspur authors"
exclude_patterns = ["_build"]
