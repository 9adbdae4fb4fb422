# The conformance build of ../shared/corpus/yugabyte/content: no configuration but the
# live site for links outside this partial copy, and YugabyteDB's own shortcodes mapped.
extensions = ["sphinx_comparisons"]
hugo_base_url = "https://docs.yugabyte.com"
hugo_shortcodes = {
    "slack-invite": {"text": "https://communityinviter.com/apps/yugabyte-db/register"},
    "issue": {"text": "[#{0}](https://github.com/yugabyte/yugabyte-db/issues/{0})"},
    "product": {"text": "{0}"},
    "yb-version": {"text": "v2.25"},
    "product-tabs": "drop",
    "api-tabs": "drop",
    "explore-setup-single": "drop",
    "explore-cleanup-local": "drop",
}
