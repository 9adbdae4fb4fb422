"""The facts the site's ``[frontmatter]`` date rules read from files: modification times and,
with ``enableGitInfo``, each file's last commit author date (one ``git log`` per build)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_comparisons.diagnostics import warn
from sphinx_comparisons.hugo import dates

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx_comparisons.hugo.siteconfig import SiteConfig

logger = logging.getLogger(__name__)
#: The most ``git log`` output read (bytes): a budget, as for every parser.
_GIT_OUTPUT = 64 * 1024 * 1024


def rules(config: SiteConfig) -> dates.Rules:
    """The site's date rules, what was refused in them reported at its line."""
    found = dates.rules(config.get("frontmatter"))
    for key, message in found.problems:
        where, line = config.origin(key)
        warn("siteconfig", f"{key}: {message}", location=f"{where}:{line}")
    return found


def facts_reader(
    config: SiteConfig, site_rules: dates.Rules, srcdir: Path
) -> Callable[[Path, str], dates.FileFacts]:
    """``read(file, content_path)``: the facts of one page file, for :func:`dates.apply`."""
    git = _git_dates(srcdir) if config.get("enableGitInfo") is True and site_rules.uses_git else {}

    def read(file: Path, path: str) -> dates.FileFacts:
        mtime = None
        if site_rules.uses_mtime:
            try:
                mtime = dt.datetime.fromtimestamp(os.stat(file).st_mtime, dt.UTC)
            except OSError:
                mtime = None
        return dates.FileFacts(path, mtime, git.get(str(file.resolve())))

    return read


def _git_dates(srcdir: Path) -> dict[str, dt.datetime]:
    """Each tracked file's last commit author date, by resolved path; empty (reported once,
    in the build's log) when git or a repository is missing."""
    binary = shutil.which("git")
    try:
        if binary is None:
            raise OSError("git is not installed")
        top = subprocess.run(
            [binary, "-C", str(srcdir), "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout.strip()  # fmt: skip
        log = subprocess.run(
            [binary, "-C", top, "log", "--format=%x00%aI", "--name-only", "--no-renames"],
            capture_output=True, check=True, timeout=300,
        ).stdout[:_GIT_OUTPUT].decode("utf-8", "replace")  # fmt: skip
    except (OSError, subprocess.SubprocessError) as err:
        logger.info(
            "hugo: enableGitInfo: no git dates (%s); the next date rule is used", err, once=True
        )
        return {}
    return _parse_log(Path(top), log)


def _parse_log(top: Path, log: str) -> dict[str, dt.datetime]:
    """``git log`` is newest first: a file's first appearance is its last commit."""
    found: dict[str, dt.datetime] = {}
    for entry in log.split("\x00")[1:]:
        stamp, _, names = entry.partition("\n")
        date = dates.as_datetime(stamp.strip())
        for name in names.split("\n"):
            if name.strip() and date is not None:
                found.setdefault(str((top / name.strip()).resolve()), date)
    return found
