project = "sphinx-comparisons"
# the second: the generated reference tables of these docs (not part of the extension)
extensions = ["sphinx_comparisons", "sphinx_comparisons.reference_directive"]
html_theme = "furo"
html_title = "sphinx-comparisons"
exclude_patterns = ["_build"]
hugo_read_paths = ["../README.md"]  # docs/performance.md includes the benchmark table
