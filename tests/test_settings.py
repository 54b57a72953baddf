"""User settings: remembered between starts, a bad file reported in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from vpl_tui.errors import VplError
from vpl_tui.settings import (
    Settings,
    load_settings,
    report_folder,
    save_settings,
    settings_path,
)
from vpl_tui.strings import Strings

EN = Strings("en")


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml") == Settings()


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"
    chosen = Settings(theme="catppuccin-latte", lang="en", user="anna", report_folder=tmp_path)
    assert save_settings(chosen, path) == path
    assert load_settings(path) == chosen


def test_vpl_config_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPL_CONFIG", str(tmp_path / "mine.toml"))
    assert settings_path() == tmp_path / "mine.toml"


def test_the_report_folder_is_not_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    folder = report_folder(Settings())
    assert folder != Path.cwd() and folder.is_absolute()
    assert report_folder(Settings(report_folder=tmp_path / "r")) == tmp_path / "r"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("theme = ", "Invalid value"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("lang = 'fi'", "lang: 'fi' is not one of sv, en"),
        ("user = 3", "user: a non-empty text is expected"),
        ('user = "\\u001b[31m"', "user: at most 4096 printable characters"),
        ("theme = '" + "x" * 70_000 + "'", "larger than 64 KiB"),
    ],
)
def test_a_bad_file_is_one_line_naming_it(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VplError) as caught:
        load_settings(path)
    message = caught.value.render(EN)
    assert message.startswith(f"{path}: the settings could not be read (")
    assert reason in message and "\n" not in message


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"theme = '\xff'")
    with pytest.raises(VplError, match="not UTF-8"):
        load_settings(path)
