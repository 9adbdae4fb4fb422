project = "sphinx-comparisons"
extensions = ["sphinx_comparisons"]
html_theme = "furo"
html_title = "sphinx-comparisons"
exclude_patterns = ["_build"]
hugo_read_paths = ["../README.md"]  # docs/performance.md includes the benchmark table
