"""``sphinx-comparisons check [SITE]``: the build's warnings without the site; ``init``: a conf.py.

``check`` runs the build itself on a content folder (its ``conf.py`` when it has
one, the zero-configuration defaults otherwise, as ``sphinx-build`` would) with
a builder that reads and checks every page but writes nothing, and reports every
warning that build gives, per file and line, with a count per kind. It exits 1
when it found anything, 2 when the build stopped. ``init`` writes a ``conf.py``,
a ``requirements.txt`` and a ``.readthedocs.yaml`` from the site's Hugo config
(``migrate/init.py``), never over an existing file.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError, SphinxError
from sphinx.util.docutils import docutils_namespace, patch_docutils

from sphinx_comparisons import multibuild, serve
from sphinx_comparisons.checkbuilder import NAME as CHECK_BUILDER
from sphinx_comparisons.migrate import check as output
from sphinx_comparisons.migrate import init, outline
from sphinx_comparisons.migrate import report as migration_report
from sphinx_comparisons.migrate.check import Problem
from sphinx_comparisons.migrate.outline import Outline

#: Where a warning's level is in Sphinx's text of it: ``[where: ]LEVEL: message[ [kind]]``.
_LEVEL = re.compile(r"(?:^|: )(?:WARNING|ERROR|CRITICAL): ")
_KIND = re.compile(r"[\w.-]+")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
EXTENSION = "sphinx_comparisons"
#: The kind of a warning Sphinx gives without a type.
UNTYPED = "untyped"


@dataclass(frozen=True, slots=True)
class Report:
    problems: list[Problem]  # sorted by file and line
    notes: list[str]  # the extension's own notes: pages left out, a home page written
    outline: Outline | None = None  # the site's navigation and redirects, for the report


class CheckFailed(Exception):
    """The build stopped (a broken conf.py, an extension that failed, a bug): exit status 2."""


class _Warnings(io.StringIO):
    """The warning stream Sphinx writes to: each record is one ``write``, parsed back."""

    def __init__(self, srcdir: Path) -> None:
        super().__init__()
        self.srcdir = srcdir
        self.problems: list[Problem] = []

    def write(self, text: str) -> int:
        record = _ANSI.sub("", text).rstrip()
        level = _LEVEL.search(record)
        if level is not None:
            message, kind = record[level.end() :], UNTYPED
            head, bracket, tail = message.removesuffix("]").rpartition(" [")
            if message.endswith("]") and bracket and _KIND.fullmatch(tail):
                message, kind = head, tail
            file, line = _where(record[: level.start()], self.srcdir)
            self.problems.append(Problem(file, line, kind, message))
        return len(text)


class _Notes(io.StringIO):
    """The status stream: the extension's own notes (``hugo: wrote ...``) are kept."""

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str] = []

    def write(self, text: str) -> int:
        self.notes.extend(
            line for line in _ANSI.sub("", text).splitlines() if line.startswith("hugo: ")
        )
        return len(text)


def _where(location: str, srcdir: Path) -> tuple[str, int | None]:
    """``path:line`` as Sphinx locates a warning: the path relative to the content folder."""
    path, _, line = location.rpartition(":")
    if not path or not (line.isdigit() or line == ""):
        path, line = location, ""
    if path and not path.startswith("<"):
        path = os.path.relpath(path, srcdir).replace(os.sep, "/")
    return path, int(line) if line else None


def check(srcdir: Path, hugo_config: str | None = None, language: str | None = None) -> Report:
    """Every warning the build of ``srcdir`` gives.

    :class:`CheckFailed` from the build's own exception if the build stops.
    """
    srcdir = srcdir.resolve()
    confdir = srcdir if (srcdir / "conf.py").is_file() else None
    overrides: dict[str, Any] = {"show_warning_types": True}  # the kinds are read from the text
    if confdir is None:
        overrides["extensions"] = [EXTENSION]
    if hugo_config:
        overrides["hugo_config"] = str(Path(hugo_config).resolve())
    if language:
        overrides["hugo_language"] = language
    warnings, status = _Warnings(srcdir), _Notes()
    with (
        tempfile.TemporaryDirectory(prefix="sphinx-comparisons-check-") as out,
        patch_docutils(str(confdir or srcdir)),  # as sphinx-build: docutils.conf, and docutils.
        docutils_namespace(),  # directives and roles as they were once the build is over
    ):
        try:
            app = Sphinx(
                srcdir,
                confdir,
                Path(out, "site"),
                Path(out, "doctrees"),
                CHECK_BUILDER,
                confoverrides=overrides,
                status=status,
                warning=warnings,
                freshenv=True,
            )
            app.build(force_all=True)
            site = outline.of(app.env)
        except Exception as error:  # reported by main(), exit status 2
            hint = (
                f" (conf.py's extensions must list {EXTENSION!r})"
                if CHECK_BUILDER in str(error)
                else ""
            )
            raise CheckFailed(f"{type(error).__name__}: {error}{hint}") from error
    problems = sorted(warnings.problems, key=lambda p: (p.file, p.line or 0))
    return Report(problems, status.notes, site)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-comparisons",
        description=(
            "Move a Hugo site to Sphinx: check a content folder with the build itself, "
            "or write a first conf.py for it."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check_command = sub.add_parser(
        "check",
        help="report every warning a build of the site gives, without writing the site",
        description=(
            "Build SITE as sphinx-build would (with its conf.py if it has one, else the "
            "zero-configuration defaults), writing nothing, and list every warning with a "
            "count per kind. Exit status: 0 nothing found, 1 problems found, 2 the build stopped."
        ),
    )
    check_command.add_argument(
        "site",
        metavar="SITE",
        type=Path,
        nargs="?",
        default=Path("."),
        help="the content folder (Sphinx's source folder); the current folder if not given",
    )
    check_command.add_argument(
        "--config",
        help=(
            "the Hugo site config (file or folder), instead of conf.py's hugo_config; "
            "found beside or above the content folder when neither is given"
        ),
    )
    check_command.add_argument(
        "--language",
        help="the language of a multilingual site to check (hugo_language); "
        "by default the one the build would choose",
    )
    output.add_options(check_command)
    _add_init(sub)
    _serve_parser(sub)
    _build_parser(sub)
    return parser


def _build_parser(sub: Any) -> None:
    command = sub.add_parser(
        "build",
        help="build every language of a multilingual site into one folder, in Hugo's layout",
        description=(
            "Build each enabled language of the Hugo site whose content is SITE: the default "
            "language into OUT, the others into OUT/<language>/, in parallel."
        ),
    )
    command.add_argument("site", metavar="SITE", type=Path, help="a content folder of the site")
    command.add_argument("out", metavar="OUT", type=Path, help="the output folder")
    command.add_argument("-b", "--builder", default="dirhtml", choices=("dirhtml", "html"))
    command.add_argument("--config", help="the Hugo site config (file or folder)")


def _add_init(sub: Any) -> None:
    init_command = sub.add_parser(
        "init",
        help="write a conf.py, a requirements.txt and a .readthedocs.yaml for the site",
        description=(
            "Write conf.py and requirements.txt in SITE and .readthedocs.yaml at the "
            "repository root (where .git is, else the Hugo site's root), from the Hugo "
            "config and the pages. Never overwrites: exit status 1, and nothing written, "
            "when one of them exists."
        ),
    )
    init_command.add_argument("site", metavar="SITE", type=Path, help="the content folder")
    init_command.add_argument(
        "--config",
        help=(
            "the Hugo site config (file or folder), written as hugo_config; "
            "found beside or above the content folder if not given"
        ),
    )
    init_command.add_argument(
        "--theme",
        default=init.DEFAULT_THEME,
        help=f"the Sphinx HTML theme (default: {init.DEFAULT_THEME})",
    )
    init_command.add_argument(
        "--dry-run",
        action="store_true",
        help="print each file's path and text instead of writing it",
    )


def _serve_parser(sub: Any) -> None:
    command = sub.add_parser(
        "serve",
        help="build and serve the site on localhost, rebuilding on every save (hugo server)",
        description=(
            "Build SITE and serve it, rebuild on every save and reload the browser, as "
            "hugo server does; needs the serve extra (pip install 'sphinx-comparisons[serve]')."
        ),
    )
    command.add_argument("site", metavar="SITE", type=Path, help="the content folder")
    command.add_argument("--port", type=int, default=1313, help="0 picks a free port")
    command.add_argument("--host", default="127.0.0.1")
    command.add_argument("--open", action="store_true", help="open the site in a browser")
    for flag, short in (("buildDrafts", "-D"), ("buildFuture", "-F"), ("buildExpired", "-E")):
        command.add_argument(
            short, f"--{flag}", action="store_true", help=f"as hugo server --{flag}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    root: Path = args.site
    if not root.is_dir():
        if args.command == "check" and args.format == "json":
            sys.stdout.write(output.document(str(root), error=f"{root} is not a folder"))
            return 2
        parser.error(f"{root} is not a folder")
    if args.command == "serve":
        build = [name for flag, name in serve.HUGO_FLAGS.items() if getattr(args, flag)]
        return serve.serve(root, args.port, args.host, build, args.open)
    if args.command == "build":
        return multibuild.run(multibuild.plan(root, args.out, args.config), args.builder)
    if args.command == "init":
        return _init(root, args.config, args.theme, args.dry_run)
    if args.format == "json":
        return _check_json(root, args.config, args.report, args.language)
    try:
        report = check(root, args.config, args.language)
    except CheckFailed as failure:
        print(f"the build of {root} stopped: {_stopped(failure)}", file=sys.stderr)
        return 2
    for note in report.notes:
        print(note, file=sys.stderr)
    sys.stdout.write(output.text(report.problems))
    if not _write_report(args.report, root, report):
        return 2
    return 1 if report.problems else 0


def _write_report(target: Path | None, root: Path, report: Report) -> bool:
    """``--report``: the HTML migration report; False (and why, on stderr) if it cannot be."""
    if target is None:
        return True
    try:
        migration_report.write(target, root.resolve(), str(root), report.problems, report.outline)
    except OSError as error:
        print(f"the report {target} could not be written: {error}", file=sys.stderr)
        return False
    print(f"wrote the report {target}", file=sys.stderr)
    return True


def _stopped(failure: CheckFailed) -> CheckFailed:
    """The traceback on stderr when code failed (not for a user's error, such as a bad conf.py)."""
    cause = failure.__cause__
    if not isinstance(cause, SphinxError) or isinstance(cause, ExtensionError):
        traceback.print_exception(cause or failure, file=sys.stderr)
    return failure


def _check_json(
    root: Path, hugo_config: str | None, target: Path | None, language: str | None = None
) -> int:
    """``check --format json``: one JSON document on stdout, the build's own output on stderr."""
    try:
        with contextlib.redirect_stdout(sys.stderr):  # conf.py's own prints too
            report = check(root, hugo_config, language)
    except CheckFailed as failure:
        sys.stdout.write(
            output.document(str(root), error=f"the build stopped: {_stopped(failure)}")
        )
        return 2
    written = _write_report(target, root, report)
    error = None if written else f"the report {target} could not be written"
    sys.stdout.write(output.document(str(root), report.problems, report.notes, error))
    return 1 if written and report.problems else (0 if written else 2)


def _init(root: Path, config: str | None, theme: str, dry_run: bool) -> int:
    planned = init.plan(root, config, theme)
    if dry_run:
        for item in planned:
            print(f"--- {item.path} ---\n{item.text}")
        return 0
    try:
        written = init.write(planned)
    except init.InitRefused as refusal:
        print(refusal, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
