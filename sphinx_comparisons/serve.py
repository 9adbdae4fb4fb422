"""``serve``: what ``hugo server`` is to a Hugo site, for the Sphinx build of it.

It builds the site and serves it on localhost, rebuilds on every save and reloads the
browser, through sphinx-autobuild (the optional ``serve`` extra). Each rebuild is Sphinx's
incremental build, so an edit re-reads only the pages it touches. The site is written to a
folder of the system's temporary folder named after the content folder, never into the
user's tree, and kept between runs so a restart is incremental too. Hugo's own flags for
drafts, future and expired pages map to ``hugo_build``.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from sphinx_comparisons.hugo import siteconfig

#: Hugo's ``hugo server`` flags for content it leaves out by default -> ``hugo_build`` names.
HUGO_FLAGS = {"buildDrafts": "drafts", "buildFuture": "future", "buildExpired": "expired"}


def output_folder(site: Path) -> Path:
    """Where the preview of ``site`` is written: the same folder every run, outside the site."""
    key = hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"sphinx-comparisons-serve-{key}"


def arguments(
    site: Path, out: Path, port: int, host: str, build: list[str], open_browser: bool
) -> list[str]:
    """sphinx-autobuild's command line for ``site``: its conf.py if it has one, else the
    zero-configuration build; the Hugo config files and the project's ``static/`` are
    watched too (a menu or a static image changed is a rebuild)."""
    args = [str(site), str(out), "-b", "dirhtml", "--port", str(port), "--host", host]
    if not (site / "conf.py").is_file():
        args += ["-C", "-D", "extensions=sphinx_comparisons"]
    if build:
        args += ["-D", "hugo_build=" + ",".join(build)]
    config_files = siteconfig.find(None, site)
    project = siteconfig.site_root(config_files)
    watched = [*config_files, *([project / "static"] if project is not None else [])]
    for path in watched:
        if path.exists():
            args += ["--watch", str(path)]
    if open_browser:
        args.append("--open-browser")
    return args


def serve(site: Path, port: int, host: str, build: list[str], open_browser: bool) -> int:
    try:
        from sphinx_autobuild.__main__ import main as autobuild  # type: ignore[import-untyped]
    except ImportError:
        print("serve needs sphinx-autobuild: pip install 'sphinx-comparisons[serve]'")
        return 2
    out = output_folder(site)
    print(f"serving {site} from {out} on http://{host}:{port}/ (Ctrl+C stops)")
    autobuild(arguments(site, out, port, host, build, open_browser))
    return 0
