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


# --- the composite action (macOS, Windows) says what the Docker action says ---------------------------------

COMPOSITE = yaml.safe_load((ROOT / "composite" / "action.yml").read_text(encoding="utf-8"))
RUNNER_SPECIFIC = {"encoding"}  # how each runner comes by o200k_base: baked into the image, or downloaded


def test_the_composite_action_declares_the_docker_actions_inputs_and_outputs():
    assert list(COMPOSITE["inputs"]) == list(ACTION["inputs"])
    for name, declared in ACTION["inputs"].items():
        composite = COMPOSITE["inputs"][name]
        assert {k: v for k, v in composite.items() if k != "description"} == \
            {k: v for k, v in declared.items() if k != "description"}, name
        assert name in RUNNER_SPECIFIC or composite["description"] == declared["description"], name
    assert {name: o["description"] for name, o in COMPOSITE["outputs"].items()} == \
        {name: o["description"] for name, o in ACTION["outputs"].items()}
    assert {name: o["value"] for name, o in COMPOSITE["outputs"].items()} == \
        {name: f"${{{{ steps.digest.outputs.{name} }}}}" for name in ACTION["outputs"]}


def test_both_actions_run_one_entry_point_with_the_inputs_the_runner_passes():
    step = next(step for step in COMPOSITE["runs"]["steps"] if step.get("id") == "digest")
    passed = {key: value for key, value in step["env"].items() if key.startswith("INPUT_")}
    assert passed == {f"INPUT_{name.upper()}": f"${{{{ inputs.{name} }}}}" for name in ACTION["inputs"]}
    assert '"$ACTION_ROOT/entrypoint.py"' in step["run"]
    assert step["env"]["ACTION_ROOT"] == "${{ github.action_path }}/.."
    entrypoint = re.search(r"^ENTRYPOINT (.*)$", (ROOT / "Dockerfile").read_text(encoding="utf-8"), re.MULTILINE)
    assert entrypoint is not None and "/action/entrypoint.py" in entrypoint.group(1)


def test_the_docker_action_pulls_the_published_image():
    image = ACTION["runs"]["image"]
    assert ACTION["runs"]["using"] == "docker" and image.startswith("docker://ghcr.io/")
    owner_and_name = re.search(r"uses: ([\w.-]+/[\w.-]+)@(v\d+)", README)
    assert owner_and_name is not None
    assert image == f"docker://ghcr.io/{owner_and_name.group(1)}:{owner_and_name.group(2)}"
