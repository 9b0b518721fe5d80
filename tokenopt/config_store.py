"""Named YAML configs: every option saved by name, loaded back, validated with the file named in errors."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import ConfigError, TokenoptError
from .output import write_atomic
from .settings import Settings

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
NOT_SAVED = ("config_dir",)  # where the config itself lives; every other option round-trips


def config_path(name: str, config_dir: str) -> Path:
    if not _NAME.match(name):
        raise ConfigError(f"config name '{name}' is not valid", "use letters, digits, '_', '-' or '.' (max 64)")
    return Path(config_dir) / f"{name}.yaml"


def save(settings: Settings, name: str) -> Path:
    path = config_path(name, settings.config_dir)
    values = {k: v for k, v in settings.to_mapping().items() if k not in NOT_SAVED}
    import yaml  # loaded only with a saved config: start-up

    header = f"# tokenopt config '{name}': load with --load-config {name}; flags given on the command line win\n"
    write_atomic(path, header + yaml.safe_dump(values, sort_keys=True, allow_unicode=True))
    return path


def load(name: str, config_dir: str) -> dict[str, Any]:
    """The saved values, checked against Settings; raises ConfigError naming the file and the fix."""
    path = config_path(name, config_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no saved config '{name}'", f"save one first with --save-config {name}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read ({error})", "check the file") from None
    import yaml  # loaded only with a saved config: start-up

    try:
        values = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}:{where} is not valid YAML", "fix the file or save it again") from None
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise ConfigError(f"{path}: expected a mapping of option: value", "fix the file or save it again")
    try:
        Settings.from_mapping(values, origin=f"{path}:")
    except TokenoptError as error:
        raise ConfigError(error.problem, error.fix) from None
    return {k.replace("-", "_"): v for k, v in values.items()}
