"""Settings: built from plain strings, validated with the option named, round-tripped."""
from __future__ import annotations

import pytest

from tokenopt.errors import UsageError
from tokenopt.settings import Settings


def test_strings_are_parsed_into_types():
    settings = Settings.from_mapping({"budget": "2,000", "reserve-percentage": "15%", "chunk-size": "auto",
                                      "track-usage": "true", "log-file": "a.log\n\n  b/**/*.log \n"})
    assert settings.budget == 2000 and settings.reserve_percentage == 15.0 and settings.chunk_size == 0
    assert settings.track_usage is True and settings.log_file == ("a.log", "b/**/*.log")


def test_to_mapping_round_trips():
    settings = Settings.from_mapping({"budget": 123, "log_file": ["x.log"], "format": "json"})
    assert Settings.from_mapping(settings.to_mapping()) == settings


@pytest.mark.parametrize("values, message", [
    ({"budget": "-4"}, "input budget=-4 is out of range"),
    ({"format": "html"}, "input format='html' is not accepted"),
    ({"track_usage": "maybe"}, "input track-usage='maybe' is not true or false"),
    ({"colour": "red"}, "unknown input colour"),
])
def test_errors_name_the_setting_and_the_fix(values: dict, message: str):
    with pytest.raises(UsageError) as caught:
        Settings.from_mapping(values, origin="input {name}")
    assert caught.value.problem == message and caught.value.fix
