"""The order in which a page passes through the extension: every priority, by name.

Sphinx calls the handlers of one event from the lowest priority up (its default is 500),
in registration order between equal priorities, and applies transforms the same way. Each
feature package registers its handlers in its own ``setup(app)`` with a name from here, so
the whole order is read in one place; ``docs/architecture.md`` shows the table generated
from the registrations themselves (``reference.pipeline_rows``).
"""

# -- config-inited: once, after conf.py is read ---------------------------------------------
#: This build's own ``source_suffix`` mapping, before Sphinx adds the extensions' to it (800).
OWN_SUFFIXES = 100
#: Math rendered with MathJax's ``ui/safe`` filter unless conf.py configures MathJax.
SAFE_MATHJAX = 500
#: The ``hugo_*`` settings validated; MyST extensions and warning filters merged in.
SETTINGS = 850
#: What Sphinx writes or copies left out of the sources (``.html`` files are Hugo pages).
SOURCES = 855
#: ``_index.md`` (or a generated one) becomes the root document when conf.py names none.
ROOT_DOCUMENT = 860
#: Sphinx's ``language`` and ``project`` from the Hugo language this build is, where unset.
SITE_LANGUAGE = 870
#: The file-reading directives under the names the build's ``language`` gives them.
TRANSLATED_DIRECTIVES = 900
#: sphinx-design's static folder in ``html_static_path`` before the saved settings are
#: compared (and, at builder-inited, after sphinx-design adds it again, once only).
DESIGN_STATIC = 950

# -- builder-inited: once, when the builder exists ------------------------------------------
#: The extension's stylesheet copied into the output's ``_static``.
STYLESHEET = 500
#: The builder writes each page at its Hugo URL.
BUILDER_URLS = 510
#: The search index as Sphinx knows it, restored before an incremental build loads it.
SEARCH_INDEX_RESTORE = 520
#: Page titles (each page's next, previous and parent links) rendered once per build.
NAVIGATION_TITLES = 530

# -- env-get-outdated: once, before reading; returns pages to re-read -----------------------
#: The site model: pages whose file leads out of the site leave the build, every page's front
#: matter is read (the scan), then pages built, addresses, navigation, aliases, indexes; its
#: subscribers (``hugo-site-changed``) name the pages the change makes them re-read.
SITE_MODEL = 500
#: List pages showing a page that changed (its summary, its title) named to be written again.
STALE_LISTS = 510

# -- source-read: each page's text, before parsing ------------------------------------------
#: Front matter cut from the text (kept, line for line, as blank lines).
CUT_FRONT_MATTER = 100
#: The title from front matter written as the page's heading.
TITLE_HEADING = 500
#: Shortcodes expanded into directives and roles.
SHORTCODES = 550
#: An automatic related-posts block appended.
RELATED_POSTS = 560
#: Explicit heading ids ``{#id}`` made MyST-readable.
HEADING_ANCHORS = 600
#: A section page gets its list of children.
SECTION_LISTS = 700

# -- transforms: each page's doctree, while reading ------------------------------------------
#: Blockquote alerts ``> [!NOTE]`` made admonitions.
ALERTS = 180
#: Block shortcodes written inside a paragraph lifted out of it.
LIFT_BLOCKS = 190
#: Front matter titles and leads applied to the doctree.
TITLES = 200
#: Heading ids by the site's heading-id scheme.
HEADING_IDS = 210
#: The page's navigation injected as hidden toctrees.
TOCTREES = 300
#: Links written to pages and files resolved to their Hugo URLs.
LINKS = 420
#: Icon shortcodes and classes turned into symbols.
SYMBOLS = 430
#: Hugo's ``<!--more-->`` summary marker made a marker node (before :data:`RAW_HTML`, which
#: would drop it as raw HTML).
MORE_MARKER = 435
#: Raw HTML left out unless the site allows it (after :data:`SYMBOLS`, which writes HTML).
RAW_HTML = 440
#: Addresses in the raw HTML that is kept resolved like Markdown links (after :data:`RAW_HTML`).
RAW_HTML_LINKS = 445
#: Smart quotes off on a site whose Goldmark typographer is off (before Sphinx's, 750).
TYPOGRAPHER_SWITCH = 740
#: The site's typographer substitutions and angle quotes (after Sphinx's smart quotes, 750).
TYPOGRAPHER = 760
#: Emoji codes as emoji when the site enables them (after the typographer's substitutions).
EMOJI = 761
#: Code in a language no lexer knows made plain text (any time while reading).
CODE_LANGUAGES = 500
#: Footnote references without a definition made text (before docutils' Footnotes, 620).
UNDEFINED_FOOTNOTES = 610
#: Thematic breaks docutils refuses (under a heading, in a list item) kept as Goldmark keeps
#: them (before docutils' Transitions, 830).
THEMATIC_BREAKS = 820
#: Links left unresolved by Sphinx reported (after docutils' DanglingReferences, 850).
FINAL_LINKS = 860
#: Images and downloads outside the site dropped (before DoctreeReadEvent, 880, whose
#: collectors copy files).
CONTAINED_FILES = 870

# -- doctree-read: each page's doctree, after Sphinx's collectors (500) ----------------------
#: Headings written by shortcodes marked in or out of the page's table of contents.
SHORTCODE_HEADINGS = 600
#: The page's title and toc entries as Hugo shows them.
DOCTREE_TITLES = 610
#: The page's summary kept for the feeds (after its content is final).
SUMMARIES = 620

# -- env-updated: once, after reading --------------------------------------------------------
#: Pages the navigation does not reach marked orphan.
ORPHANS = 500
#: The navigation cache of the last build dropped (the navigation may have changed).
NAVIGATION_CACHE_RESET = 510

# -- post-transforms: each page, when written -------------------------------------------------
# Links to pages are resolved by the ``hugo`` domain (``site/domain.py``), in Sphinx's own
# ReferencesResolver (10), for the builder writing them.

# -- doctree-resolved: each page, when written, after its post-transforms --------------------
#: Raw HTML's resolved addresses written for the builder writing the page.
RAW_HTML_ADDRESSES = 500
#: A blog post's byline (author, date) under its title.
POST_BYLINE = 510
#: The search index stems each word once per build (the page is indexed after this event).
STEMS = 520

# -- html-page-context: each HTML page's template context -------------------------------------
#: The page's ``toctree()`` answered from the navigation cache (before the themes' handlers,
#: 500, which call it).
NAVIGATION_CACHE = 300
#: Head tags and template variables from front matter.
PAGE_CONTEXT = 400
#: A page's translations: hreflang links, ``hugo_translations`` and the language switcher.
TRANSLATIONS = 410
#: A list page's list (a term's ``_index.md``), and each page's taxonomy term links.
LIST_PAGE_CONTEXT = 420
#: pydata-sphinx-theme's (and sphinx-book-theme's) sidebar function answered from the
#: navigation cache (after the themes' handlers, 500, which put it in the context).
NAVIGATION_CACHE_THEME = 600

# -- html-collect-pages: pages the HTML builders write besides the documents ------------------
#: Taxonomy and term pages no document stands for.
LIST_PAGES = 500

# -- build-finished: once, after writing ------------------------------------------------------
#: Output of pages no longer built removed.
STALE_PAGES = 400
#: The Hugo site's static folders copied into the output.
STATIC_FILES = 450
#: The search index's documents renamed to their Hugo URLs.
SEARCH_INDEX = 500
#: Alias redirect pages written.
REDIRECTS = 510
#: RSS feeds, sitemap.xml and robots.txt written.
FEEDS = 520
