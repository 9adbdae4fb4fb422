"""Which files a page may read: the one containment rule for every path a page names.

Hugo's ``readFile`` cannot leave the project (``hugolib/filesystems``: its
working-dir filesystem is a ``BasePathFs`` without symlink following). Here a
page may read files inside the *roots*: the content tree (Sphinx's source
folder), the Hugo project root that holds the site config, and the folder of
``conf.py`` (trusted). Every symlink is resolved first, so a link inside the
tree that leads out of it is refused like a ``..`` that climbs out. Below its
root, no name of the path may start with a dot: ``.git/config`` (where CI
checkouts keep their token) and ``.env`` are never read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from sphinx_comparisons.hugo import encoding


def roots(*folders: Path | str | None) -> tuple[Path, ...]:
    """The given folders with every symlink resolved, without repeats (``None`` skipped)."""
    found: list[Path] = []
    for folder in folders:
        if folder is None or str(folder) == "":
            continue
        resolved = Path(os.path.realpath(folder))
        if resolved not in found:
            found.append(resolved)
    return tuple(found)


def contained(path: Path | str, allowed: Iterable[Path], dotted: bool = False) -> Path | None:
    """``path`` with every symlink resolved when that lies inside one of ``allowed``; else ``None``.

    Unless ``dotted``, the path must also lie in a root with no name below it
    starting with a dot (a root given as ``.env`` itself is allowed).
    ``allowed`` must already be resolved (see :func:`roots`). The file need not exist.
    """
    try:
        resolved = Path(os.path.realpath(path))
    except (OSError, ValueError):  # a NUL in the name, a symlink loop on some systems
        return None
    for root in allowed:
        inside = resolved == root or root in resolved.parents
        if inside and (dotted or not _hidden(resolved.relative_to(root))):
            return resolved
    return None


def is_file(path: Path | str) -> bool:
    """Whether ``path`` is a file; a name the system cannot even look up (too long, a NUL) is not.

    ``Path.is_file`` raises for those on Python 3.11 (``ENAMETOOLONG``), and a
    page may name anything.
    """
    try:
        return os.path.isfile(path)
    except (OSError, ValueError):
        return False


def _hidden(relative: Path) -> bool:
    return any(name.startswith(".") for name in relative.parts)


def refusal(reference: str, path: Path | str | None = None, allowed: Iterable[Path] = ()) -> str:
    """The message for a refused reference (``path``: where it was looked for, to tell a dot
    file from a file outside the site); where it leads is not repeated beyond what the page
    wrote."""
    if path is not None and contained(path, allowed, dotted=True) is not None:
        return (
            f"{reference!r} names a dot file or dot folder (.git/, .env ...); dot files are never "
            "read"
        )
    return (
        f"{reference!r} leads outside the site (the content folder, the Hugo project root and "
        "conf.py's folder), directly or through a symlink; it is not read"
    )


def read_text(path: Path) -> tuple[str | None, str]:
    """The file's text (UTF-8, a BOM dropped), or ``None`` and why it could not be read.

    A file that is not UTF-8 is still read, its bad bytes replaced by U+FFFD;
    the second value then says where the first of them is.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        return None, f"cannot be read ({err.strerror or type(err).__name__})"
    text, bad_line = encoding.decode(data)
    if bad_line is None:
        return text, ""
    return text, f"is not UTF-8 (line {bad_line}); the bytes that are not were replaced by U+FFFD"


def static_folders(project_root: Path, names: list[object]) -> tuple[list[Path], list[str]]:
    """Hugo's ``staticDir`` entries that are folders inside the project root, and the names refused.

    Hugo reads them relative to the project (``config/allconfig``'s ``staticDir``);
    an absolute path or one that climbs out, even through a symlink, is refused.
    """
    root = roots(project_root)
    found: list[Path] = []
    refused: list[str] = []
    for name in names:
        if not isinstance(name, str):
            continue
        folder = (
            contained(project_root / name, root, dotted=True) if not os.path.isabs(name) else None
        )
        if folder is None:
            refused.append(name)
        elif folder.is_dir() and folder not in found:
            found.append(folder)
    return found, refused


def static_files(
    folders: list[Path], allowed: tuple[Path, ...]
) -> tuple[dict[str, Path], list[str]]:
    """Every file of the static folders by site-relative path (later folders win), and the
    symlinks refused because they lead out of the site (file or folder), as full paths.

    Symlinked folders inside the site are followed once each, so a loop ends. Dot
    names inside a static folder are copied, as Hugo does (``.htaccess``, ``.well-known/``);
    a symlink to a dot path elsewhere in the site is refused like any read.
    """
    files: dict[str, Path] = {}
    refused: list[str] = []
    for folder in folders:
        seen = {folder}
        inside = (folder,)
        for current, dirs, names in os.walk(folder, followlinks=True):
            here = Path(current)
            relative = here.relative_to(folder)
            for name in list(dirs):
                target = contained(here / name, inside, dotted=True) or contained(
                    here / name, allowed
                )
                if target is None or target in seen:
                    dirs.remove(name)
                    if target is None:
                        refused.append(str(here / name))
                else:
                    seen.add(target)
            for name in names:
                target = contained(here / name, inside, dotted=True) or contained(
                    here / name, allowed
                )
                if target is None:
                    refused.append(str(here / name))
                elif is_file(target):
                    files[(relative / name).as_posix()] = target
    return files, refused
