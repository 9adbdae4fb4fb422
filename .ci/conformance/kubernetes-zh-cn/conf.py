# The conformance build of ../shared/corpus/kubernetes/content/zh-cn (kubernetes.io concepts in
# Simplified Chinese): the language is the one whose contentDir is the source folder, as a
# Read the Docs translation project builds it; the same mappings as the English build.
extensions = ["sphinx_comparisons"]
hugo_base_url = "https://kubernetes.io"
hugo_shortcodes = {
    # the site's glossary is not in the copy: the term's id stands for its name
    "glossary_tooltip": {"text": "{term_id}"},
    "glossary_definition": {"text": "{term_id}"},
    "heading": {"text": "{0}"},
    "feature-state": {"text": "**FEATURE STATE:** `Kubernetes {for_k8s_version} [{state}]`"},
    "skew": {"text": "1.28"},
    "caution": {"directive": "caution"},
    "thirdparty-content": {
        "text": "**Note:** this page names projects that Kubernetes does not maintain."
    },
    "code_sample": {"text": "[{file}](https://k8s.io/examples/{file})"},
    "code": {"text": "[{file}](https://k8s.io/examples/{file})"},
    "example": {"text": "[{file}](https://k8s.io/examples/{file})"},
    "api-reference": {"text": "{page}"},
    "table": {"text": "{inner}"},
    "mermaid": "drop",
    # the home page's search box and its blocks fed by the site's data files
    "site-searchbar": "drop",
    "blocks/kubernetes-features": "drop",
    "blocks/case-studies": "drop",
    # the site's tab set names each tab with name= (Docsy's tab takes header=)
    "tabs": {"directive": "tab-set"},
    "tab": {"directive": "tab-item", "argument": "name"},
    "link": {"text": "[{text}]({url})"},
}
