"""Run the examples in the library's docstrings (they are documentation that must stay true)."""

import doctest
import importlib
import pkgutil

import pytest

import policydiff
from conftest import ROOT

MODULES = sorted(m.name for m in pkgutil.walk_packages(policydiff.__path__, "policydiff."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, monkeypatch):
    monkeypatch.chdir(ROOT)  # examples use paths relative to the checkout
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
