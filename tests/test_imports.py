"""The core imports only what it declares."""

import subprocess
import sys


def test_cleaning_does_not_import_justext_or_dask():
    code = ("import sys, cleantext; cleantext.clean('A sentence long enough to detect its language, "
            "surely in English.'); print(sorted(m for m in ('justext', 'dask', 'lxml.html.clean') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_package_docstring_example_holds():
    import doctest

    import cleantext

    assert doctest.testmod(cleantext).failed == 0


def test_the_console_script_resolves_to_the_command():
    """pyproject's ``cleantext`` script must name a function that exists (a moved module
    once left the installed command pointing nowhere)."""
    import tomllib
    from importlib import import_module
    from pathlib import Path

    from cleantext.run.cli import main

    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    module, _, func = pyproject["project"]["scripts"]["cleantext"].partition(":")
    assert getattr(import_module(module), func) is main
