# The conformance build of ../shared/corpus/grpc/content (grpc.io): the live site for links
# outside the copy, and the site's own shortcodes mapped as a user would.
extensions = ["sphinx_comparisons"]
hugo_base_url = "https://grpc.io"
hugo_shortcodes = {
    # page furniture the theme draws (header, table of contents, edit links)
    "page/header": "drop",
    "page/toc": "drop",
    "page/page-meta-links": "drop",
    # home and about page blocks fed by data files outside the content
    "home/features": "drop",
    "home/used-by": "drop",
    "home/cncf": "drop",
    "about/testimonials": "drop",
    "supported-lang-and-os": {"text": "[Supported languages](/docs/languages/)"},
    "cards": {"text": "{inner}"},
    # .md templates that render front matter of the page calling them
    "why-grpc": {"text": "{inner}"},
    "docs/prog-lang-home-content": "drop",
    "docs/auth_alts": "drop",
}
