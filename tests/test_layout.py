"""The tree shows the pipeline: no module imports a later stage (imports inside functions count too)."""

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "policydiff"

# Stage of every module, by dotted name below policydiff (a package name covers its modules).
# 0 is the leaf layer every stage may use: records, patterns, shared helpers, data files.
STAGES = {
    "models": 0, "patterns": 0, "textutils": 0, "errors": 0, "resources": 0, "places": 0, "traditional": 0, "paths": 0, "schema": 0,
    "read": 1,
    "normalise": 2,
    "outline": 3,
    "metadata": 4, "pagebox": 4,
    "extract": 5,
    "canonical": 6,
    "parse": 7,
    "store": 8,
    "ingest": 9, "distributed": 9,
    "compare": 10,
    "graph": 11,
    "query": 12,
    "report": 13,
    "cli": 14,
}


def stage_of(dotted: str) -> int:
    """The stage of ``policydiff.<dotted>``: its own entry, else its package's."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in STAGES:
            return STAGES[".".join(parts[:end])]
    raise KeyError(f"policydiff.{dotted} has no stage: add it to STAGES in tests/test_layout.py")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """policydiff modules imported anywhere in ``path``, as dotted names below policydiff."""
    own = module_name(path).split(".") if module_name(path) else []
    package = own if path.name == "__init__.py" else own[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.startswith("policydiff"):
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:  # `from . import store` names a module
                candidate = ".".join([*target, alias.name])
                found.add(candidate if _is_module(candidate) else ".".join(target))
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".", 1)[1] for a in node.names if a.name.startswith("policydiff."))
    return {name for name in found if name}


def _is_module(dotted: str) -> bool:
    path = PACKAGE.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p) or "policydiff")
def test_no_module_imports_a_later_stage(path):
    own = stage_of(module_name(path))
    later = {name: stage_of(name) for name in imported_modules(path) if stage_of(name) > own}
    assert not later, f"{module_name(path)} (stage {own}) imports later stages: {later}"


def test_the_check_sees_a_later_import():
    # the test above must be able to fail: metadata (4) importing extract (5) is caught
    assert stage_of("extract.units") > stage_of("metadata")
    assert "extract.units" in imported_modules(PACKAGE / "extract" / "tables.py")  # `from .units import …`
    assert "store" in imported_modules(PACKAGE / "compare" / "diff.py")
