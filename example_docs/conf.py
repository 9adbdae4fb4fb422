project = "Larkspur"
extensions = ["sphinx_comparisons"]
html_theme = "furo"
html_title = "Larkspur docs"
exclude_patterns = ["_build"]
