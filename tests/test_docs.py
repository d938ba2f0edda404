"""The README documents every command, setting, table and rejection reason there is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire import errors
from eventwire.archive.schema import TABLES
from eventwire.cli import main
from eventwire.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_in_the_readme(command):
    assert f"eventwire {command}" in README


@pytest.mark.parametrize("option", ["--db", "--workers", "--where", "--stories", "--engine"])
def test_the_archive_options_are_in_the_readme(option):
    assert option in README


def test_every_setting_names_its_environment_variable_in_the_readme():
    source = Path(errors.__file__).with_name("settings.py").read_text(encoding="utf-8")
    variables = sorted(set(re.findall(r'"""(EVENTWIRE_[A-Z_]+):', source)))
    assert len(variables) == len(Settings.model_fields)
    assert [v for v in variables if v not in README] == []


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_store_table_is_in_the_readme(table):
    assert f"| `{table}` |" in README


def _rejections() -> list[str]:
    found, todo = [], [errors.BadInput]
    while todo:
        kind = todo.pop()
        found.append(kind.__name__)
        todo.extend(kind.__subclasses__())
    return sorted(set(found) - {"BadInput"})


@pytest.mark.parametrize("reason", _rejections())
def test_every_rejection_reason_is_in_the_readme(reason):
    assert f"`{reason}`" in README
