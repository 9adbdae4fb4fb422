"""The ``hugo_*`` configuration values: declared once, validated once at ``config-inited``."""

from __future__ import annotations

import dataclasses
import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_comparisons import config_checks as check
from sphinx_comparisons import pipeline
from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import limits as budgets

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PREFIX = "hugo_"

#: MyST syntax that Hugo's Goldmark renderer accepts and real Hugo pages use.
DEFAULT_MYST_EXTENSIONS = ["deflist", "strikethrough", "tasklist"]

#: Warnings about input Hugo accepts silently (see ``sphinx_only_warnings``).
SPHINX_ONLY_WARNINGS = [
    "myst.header",
    "myst.strikethrough",
    "myst.duplicate_def",
    "misc.highlighting_failure",
]


@dataclass(frozen=True)
class HugoConfig:
    """Settings for building Hugo content trees. Each field is ``hugo_<name>`` in conf.py."""

    lead: list[str] = field(
        default_factory=lambda: ["headcontent"],
        metadata={
            "type": "list[str]",
            "check": check.string_list,
            "rebuild": "env",
            "help": "Front matter keys whose first non-empty value is shown as a lead "
            "paragraph under the page's H1: ``headcontent`` is YugabyteDB's subtitle, "
            "Docsy shows ``description``. ``[]`` shows none.",
        },
    )
    myst_extensions: list[str] = field(
        default_factory=lambda: list(DEFAULT_MYST_EXTENSIONS),
        metadata={
            "type": "list[str]",
            "check": check.string_list,
            "rebuild": "env",
            "help": "MyST syntax extensions added to ``myst_enable_extensions`` so Hugo "
            "Markdown parses as Goldmark parses it. ``[]`` adds none.",
        },
    )
    sphinx_only_warnings: bool = field(
        default=False,
        metadata={
            "type": "bool",
            "check": check.boolean,
            "rebuild": "env",
            "help": "Show the warnings Sphinx and MyST give about input that Hugo accepts "
            "without a word: skipped heading levels (``## A`` then ``#### B``), strikethrough "
            "(which MyST flags as HTML-only), a link reference defined twice (the first is kept, "
            "as in CommonMark) and code that Pygments cannot lex (Sphinx then "
            "highlights it loosely, as Hugo's Chroma does). Silenced by default.",
        },
    )

    config: str | None = field(
        default=None,
        metadata={
            "type": "str | None",
            "check": check.optional_path,
            "rebuild": "env",
            "help": "The Hugo site config: a file (``hugo.toml``, ``config.yaml`` ...), a config "
            "folder (``config/`` or ``config/_default/``) or the site's root folder, relative to "
            "conf.py. Unset: looked for beside the source folder and up to two folders above it.",
        },
    )
    menus: list[str] | None = field(
        default=None,
        metadata={
            "type": "list[str] | str | None",
            "check": check.menu_names,
            "rebuild": "env",
            "help": "The menu(s) whose entries make the site's navigation, in order. ``[]``: "
            "the section tree instead (Docsy's sidebar). Unset: the menu that most pages are "
            "in, if it holds at least half of them, else the section tree.",
        },
    )

    language: str | None = field(
        default=None,
        metadata={
            "type": "str | None",
            "check": check.language_code,
            "rebuild": "env",
            "help": "The language of a multilingual site this build is (``zh-cn``): its pages, "
            "title, params, menus and URLs. Sphinx's ``language`` follows its ``languageCode`` "
            "unless conf.py sets it. Unset: the language whose ``contentDir`` is the source "
            "folder, else ``defaultContentLanguage``.",
        },
    )
    language_prefix: bool = field(
        default=True,
        metadata={
            "type": "bool",
            "check": check.boolean,
            "rebuild": "env",
            "help": "Keep Hugo's ``/<language>/`` prefix in the URLs of a language other than "
            "the default (``/fr/docs/``), so the output folder has Hugo's layout. ``False`` for "
            "a host that serves each language under its own path already (Read the Docs "
            "translations: ``/fr/latest/``).",
        },
    )
    translation_urls: dict[str, str] = field(
        default_factory=dict,
        metadata={
            "type": "dict of language code -> http(s) URL or /path/",
            "check": check.translation_urls,
            "rebuild": "env",
            "help": "Where each language's build is published, for the links between "
            'translations (``<link rel="alternate" hreflang>`` and the language switcher): '
            '``{"en": "https://example.org/en/latest/", "zh-cn": '
            "\"https://example.org/zh-cn/latest/\"}``. A translation's address is its language's "
            "entry joined with the page's URL without its language prefix. Unset: on Read the "
            "Docs, ``READTHEDOCS_CANONICAL_URL`` with its language segment replaced; elsewhere "
            "each page's Hugo URL (``/zh-cn/docs/x/``), on ``hugo_base_url`` (else "
            "``html_baseurl``) when set.",
        },
    )

    base_url: str | None = field(
        default=None,
        metadata={
            "type": "str | None",
            "check": check.optional_url,
            "rebuild": "env",
            "help": "The address of the live Hugo site (``https://docs.example.com``). Links "
            "and images that point at site paths outside this tree go there; unset, such links "
            "are reported (``hugo.link_unresolved``). Also the base of redirect pages' "
            "canonical links.",
        },
    )
    heading_ids: str | None = field(
        default=None,
        metadata={
            "type": '"github" | "blackfriday" | None',
            "check": check.heading_scheme,
            "rebuild": "env",
            "help": "How heading ids are made from heading text, as in Hugo's "
            "``markup.goldmark.parser.autoHeadingIDType``. Unset: that site config setting, "
            "else ``github``.",
        },
    )
    summary_rule: str = field(
        default="paragraphs",
        metadata={
            "type": '"paragraphs" | "sentence"',
            "check": check.summary_rule,
            "rebuild": "env",
            "help": "How a page's automatic summary (feeds) is cut: ``paragraphs``, as current "
            "Hugo (whole paragraphs until ``summaryLength`` words), or ``sentence``, as Hugo "
            "before 0.134 (the first ``summaryLength`` words, to the end of the sentence).",
        },
    )

    shortcodes: dict[str, Any] = field(
        default_factory=dict,
        metadata={
            "type": "dict[str, dict | str]",
            "check": check.shortcode_map,
            "rebuild": "env",
            "help": 'Your own shortcodes, by name: ``{"directive": "note", "argument": "title", '
            '"options": {"param": "option"}}`` renders a MyST directive (the inner Markdown '
            'is its content), ``{"role": "kbd", "param": "key"}`` a role, ``{"text": '
            '"... {0} {name} {inner} ..."}`` pastes text (usable in link targets and code); '
            'with ``"translate": True`` that text is a string id of the site\'s ``i18n/`` files '
            "and its translation in the build's language is pasted (Kubernetes' "
            '``{"text": "{0}", "translate": True}`` for ``heading "whatsnext"``). '
            '``"drop"`` removes it. Served shortcodes can be overridden the same way.',
        },
    )

    related_headings: list[str] = field(
        default_factory=lambda: ["Relevant blog posts"],
        metadata={
            "type": "list[str]",
            "check": check.string_list,
            "rebuild": "env",
            "help": "Headings (any level, without case) of sections whose closing list of links "
            "becomes a related-posts block of cards; the heading stays. ``[]`` turns this off.",
        },
    )
    related_pages: int = field(
        default=0,
        metadata={
            "type": "int",
            "check": check.count,
            "rebuild": "env",
            "help": 'Add a "Related pages" block listing this many pages to the end of every page, '
            "scored as Hugo's related content does (keywords, tags, dates; the ``related`` "
            "site config), with menu siblings as the fallback. ``0`` adds none.",
        },
    )

    build: list[str] = field(
        default_factory=list,
        metadata={
            "type": 'list of "drafts", "future", "expired"',
            "check": check.build_kinds,
            "rebuild": "env",
            "help": "Content Hugo leaves out that this build includes anyway, like "
            "``hugo -D -F -E``: ``drafts``, ``future`` (a publish date to come), ``expired``. "
            "Added to the Hugo config's ``buildDrafts``, ``buildFuture`` and ``buildExpired``. "
            "``-D hugo_build=drafts`` on the command line suits a preview build.",
        },
    )

    read_paths: list[str] = field(
        default_factory=list,
        metadata={
            "type": "list[str]",
            "check": check.string_list,
            "rebuild": "env",
            "help": "More files or folders (relative to conf.py) that pages may read through "
            "``readfile``, ``include``, images and the like, besides the content folder, the Hugo "
            "project root and conf.py's folder. Anything else a page names is refused "
            "(``hugo.path``), as Hugo's ``readFile`` never leaves the project.",
        },
    )
    unsafe_html: bool | None = field(
        default=None,
        metadata={
            "type": "bool | None",
            "check": check.optional_bool,
            "rebuild": "env",
            "help": "Whether raw HTML in pages (and in shortcode parameters and descriptions) is "
            "kept. Unset: the Hugo config's ``markup.goldmark.renderer.unsafe``, off by default as "
            "in Hugo, which writes ``<!-- raw HTML omitted -->`` instead (``hugo.raw_html``). "
            "Pages are untrusted: turn it on only for content you trust.",
        },
    )
    blog_sections: list[str] = field(
        default_factory=list,
        metadata={
            "type": "list[str]",
            "check": check.string_list,
            "rebuild": "env",
            "help": "Content folders (``news``, ``releases/notes``) listed as blogs besides the "
            "sections of Hugo type ``blog`` (``type: blog``, or the ``blog`` folder): newest "
            "first with date, author and summary, paginated at ``/<section>/page/2/``.",
        },
    )
    taxonomy_links: bool = field(
        default=True,
        metadata={
            "type": "bool",
            "check": check.boolean,
            "rebuild": "html",
            "help": "Show each page's taxonomy terms (``tags``, ``categories``, the site config's "
            "``taxonomies``) as links to their term pages at the end of the page (HTML builders). "
            "Only pages that name terms get the block, so sites without taxonomies see nothing.",
        },
    )
    navigation_cache: bool = field(
        default=True,
        metadata={
            "type": "bool",
            "check": check.boolean,
            "rebuild": "",
            "help": "Render the theme's navigation (each ``toctree()`` call of its templates, "
            "furo's sidebar tree, the titles of each page's previous, next and parent links) "
            "once per build and fill in each page's links and open branch, "
            "instead of resolving the whole tree again for every page. Each page's HTML is the "
            "same byte for byte; a call or page the cache cannot answer exactly is rendered by "
            "Sphinx (``-v`` says which, once). ``False`` renders every page the slow way.",
        },
    )
    limits: dict[str, int] = field(
        default_factory=dict,
        metadata={
            "type": "dict of limit name -> positive int ("
            + ", ".join(budgets.Limits.names())
            + ")",
            "check": check.limits,
            "rebuild": "env",
            "help": check.limits_help(),
        },
    )

    @classmethod
    def fields(cls) -> tuple[dataclasses.Field[Any], ...]:
        return dataclasses.fields(cls)


def setup(app: Sphinx) -> None:
    """Declare every ``hugo_*`` value with its default; validate them once conf.py is read."""
    for spec in HugoConfig.fields():
        default = (
            spec.default_factory()
            if spec.default_factory is not dataclasses.MISSING
            else spec.default
        )  # type: ignore[misc]
        # Types are checked by ``validate``, with our own message and subtype.
        app.add_config_value(PREFIX + spec.name, default, spec.metadata["rebuild"], types=Any)
    app.connect("config-inited", apply, priority=pipeline.SETTINGS)


def apply(app: Sphinx, conf: Config) -> None:
    """The ``hugo_*`` values replaced by their validated form (a wrong one by its default, and
    ``hugo_config`` made absolute); MyST extensions and warning filters merged."""
    checked = validate(conf)
    if checked.config:
        base = Path(app.confdir) if app.confdir else Path(app.srcdir)
        checked = dataclasses.replace(checked, config=str(base / checked.config))
    for spec in HugoConfig.fields():
        setattr(conf, PREFIX + spec.name, getattr(checked, spec.name))
    _READ.pop(conf, None)
    if not conf.html_baseurl and os.environ.get("READTHEDOCS_CANONICAL_URL"):
        conf.html_baseurl = os.environ["READTHEDOCS_CANONICAL_URL"]
    conf.myst_enable_extensions = _merged(conf.myst_enable_extensions, checked.myst_extensions)
    if not checked.sphinx_only_warnings:
        conf.suppress_warnings = _merged(conf.suppress_warnings, SPHINX_ONLY_WARNINGS)


def _merged(current: Any, extra: list[str]) -> list[str]:
    values = list(current or [])
    return values + [item for item in extra if item not in values]


#: The settings read from each config, as pages ask for them many times each.
_READ: weakref.WeakKeyDictionary[Config, HugoConfig] = weakref.WeakKeyDictionary()


def settings(conf: Config) -> HugoConfig:
    """This build's ``hugo_*`` settings, as ``sphinx_design.config.get_sd_config`` reads its own:
    from the public config values, which :func:`apply` validated at ``config-inited``."""
    found = _READ.get(conf)
    if found is None:
        values = {spec.name: getattr(conf, PREFIX + spec.name) for spec in HugoConfig.fields()}
        found = _READ[conf] = HugoConfig(**values)
    return found


def validate(config: Config) -> HugoConfig:
    """Check each value once; a wrong one is reported and replaced by its default."""
    values: dict[str, Any] = {}
    for spec in HugoConfig.fields():
        name = PREFIX + spec.name
        checked = spec.metadata["check"](getattr(config, name))
        if checked is check.UNSET or (checked is None and spec.default is not None):
            warn(
                "config",
                f"{name} must be {spec.metadata['type']}, not {getattr(config, name)!r}; "
                "the default is used",
            )
            continue
        values[spec.name] = checked
    return HugoConfig(**values)
