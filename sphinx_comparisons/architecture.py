"""The pipeline table of ``docs/architecture.md``, generated from the registrations themselves.

Each feature package's ``setup`` is run against a recorder standing in for the Sphinx
application, so the table shows what the packages register, in the order Sphinx runs it.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from sphinx_comparisons import extension

#: The events in the order a build emits them (``hugo-site-changed`` is the site model's,
#: emitted from its ``env-get-outdated`` handler); transforms run while a page is read,
#: post-transforms when a page is written.
EVENTS = (
    "config-inited",
    "builder-inited",
    "env-get-outdated",
    "hugo-site-changed",
    "source-read",
    "transform",
    "doctree-read",
    "env-updated",
    "env-get-updated",
    "post-transform",
    "doctree-resolved",
    "html-page-context",
    "html-collect-pages",
    "build-finished",
)
#: Where Sphinx calls a domain's methods: ``SphinxDomains`` (a transform) and
#: ``ReferencesResolver``.
_DOMAIN_STEPS = (("transform", 850, "process_doc"), ("post-transform", 10, "resolve_xref"))


@dataclass(frozen=True)
class Step:
    event: str
    priority: int
    kind: str  # handler, transform or domain
    package: str
    name: str
    does: str


def _summary(thing: Any) -> str:
    """The first paragraph of the registered thing's own docstring (the wrapped one if guarded)."""
    original = inspect.unwrap(thing)
    doc = inspect.cleandoc(original.__doc__ or "")
    return " ".join(doc.split("\n\n")[0].split())


def _qualified(thing: Any) -> str:
    original = inspect.unwrap(thing)
    module = original.__module__.removeprefix("sphinx_comparisons.")
    return f"{module}.{original.__qualname__}"


class Recorder:
    """Takes the calls a package's ``setup`` makes on the application and writes them down."""

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.package = ""

    def _step(self, event: str, priority: int, kind: str, thing: Any) -> None:
        name, does = _qualified(thing), _summary(thing)
        self.steps.append(Step(event, priority, kind, self.package, name, does))

    def connect(self, event: str, handler: Any, priority: int = 500) -> None:
        self._step(event, priority, "handler", handler)

    def add_transform(self, cls: type) -> None:
        self._step("transform", cls.default_priority, "transform", cls)  # type: ignore[attr-defined]

    def add_domain(self, cls: type) -> None:
        for event, priority, method in _DOMAIN_STEPS:
            self._step(event, priority, "domain", getattr(cls, method))

    def add_event(self, name: str) -> None:
        """An event is not a step; its handlers are."""

    def add_config_value(self, *args: Any, **kwargs: Any) -> None:
        """Config values have their own generated table."""

    def add_directive(self, *args: Any, **kwargs: Any) -> None:
        """Directives, roles, nodes and source suffixes are not steps of the pipeline."""

    add_role = add_node = add_css_file = add_source_suffix = add_directive


def steps() -> list[Step]:
    """Every registered step, in the order Sphinx runs them."""
    recorder = Recorder()
    for feature in extension.FEATURES:
        recorder.package = feature.__name__.removeprefix("sphinx_comparisons.")
        feature.setup(recorder)  # type: ignore[arg-type]
    order = {event: index for index, event in enumerate(EVENTS)}
    return sorted(recorder.steps, key=lambda step: (order[step.event], step.priority))


def pipeline_table() -> str:
    rows = [
        "| event | priority | package | step | what it does |",
        "| --- | --- | --- | --- | --- |",
    ]
    for step in steps():
        does = step.does.replace("|", "\\|").replace("``", "`")
        rows.append(f"| {step.event} | {step.priority} | {step.package} | `{step.name}` | {does} |")
    return "\n".join(rows)
