"""action.yml, the action's code, the Settings, the CLI flags and README's tables say the same thing."""
from __future__ import annotations

import re
from dataclasses import fields

import yaml
from support import ROOT

from tokenopt import action
from tokenopt.cli import build_parser
from tokenopt.settings import Settings

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_input_is_read_and_every_read_input_is_declared():
    assert set(ACTION["inputs"]) == set(action.SETTING_INPUTS) | set(action.OPTION_INPUTS)


def test_setting_inputs_are_settings_and_cli_flags():
    known = {f.name for f in fields(Settings)}
    flags = {option for a in build_parser()._actions for option in a.option_strings}
    for name, field in action.SETTING_INPUTS.items():
        assert field in known, name
        assert f"--{field.replace('_', '-')}" in flags, name


def test_declared_defaults_are_the_code_defaults():
    defaults = Settings()
    expected = {"token-budget": str(defaults.budget), "reserve-percentage": f"{defaults.reserve_percentage:g}",
                "profile": defaults.profile, "encoding": defaults.encoding, "index-path": defaults.index,
                **action.DEFAULTS}
    for name, value in expected.items():
        assert str(ACTION["inputs"][name].get("default", "")) == value, name


def test_outputs_written_are_the_outputs_declared():
    assert tuple(ACTION["outputs"]) == action.OUTPUTS


def test_readme_tables_list_every_input_and_output():
    rows = set(re.findall(r"^\| `([a-z-]+)` \|", README, re.MULTILINE))
    assert set(ACTION["inputs"]) | set(ACTION["outputs"]) <= rows
