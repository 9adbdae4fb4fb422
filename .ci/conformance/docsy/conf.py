# The conformance build of ../shared/corpus/docsy/content/en (Docsy's own docs): the live
# site for links outside the copy, and the site's four shortcodes of its own mapped as a
# user would (Docsy's shortcodes are served by the extension).
extensions = ["sphinx_comparisons"]
hugo_base_url = "https://www.docsy.dev"
hugo_shortcodes = {
    # the site's templates print Hugo's version, Docsy's dev version and a page's URL
    "hugo-version": {"text": "0.160.1"},
    "dev-version": {"text": "v0.17.0-dev"},
    "siteGetPage": {"text": "{0}"},
    "release-summary": {"text": "[Changelog](/project/about/changelog/)"},
}
