"""The user's settings: theme, language, user name and the folder reports are saved in.

A TOML file in the user's configuration folder (platformdirs: `~/.config/vpl-tui/
settings.toml` on Linux; `VPL_CONFIG` names another file). The app writes it when the user
picks a theme or a folder, so a choice is remembered at the next start; a person may edit
it by hand. A file that cannot be read is reported in one line naming the file and the
reason, and the defaults are used: settings never stop anyone from working.

    theme = "textual-light"
    lang = "en"
    user = "anna.k"
    report_folder = "~/Dokument/vpl"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import tomli_w

from vpl_tui.errors import VplError
from vpl_tui.files import write_output
from vpl_tui.strings import LANGS, Lang

APP_NAME = "vpl-tui"
MAX_SETTINGS_BYTES = 64 * 1024
"""A settings file larger than this is not read: it cannot be one a person wrote."""
MAX_VALUE = 4096
"""The longest value read (a folder's path may be long; a theme name or user is short)."""
FIELDS = ("theme", "lang", "user", "report_folder")


@dataclass(frozen=True)
class Settings:
    """What the user chose; None is "not chosen", and the caller's default applies."""

    theme: str | None = None
    lang: Lang | None = None
    user: str | None = None
    report_folder: Path | None = None

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def settings_path() -> Path:
    """Where the settings live: `VPL_CONFIG`, else the user's configuration folder."""
    explicit = os.environ.get("VPL_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "settings.toml"


def default_report_folder() -> Path:
    """Reports and summaries go to the user's documents folder, never the current folder."""
    import platformdirs

    return platformdirs.user_documents_path() / APP_NAME


def report_folder(settings: Settings) -> Path:
    return settings.report_folder or default_report_folder()


def _problem(path: Path, reason: str) -> VplError:
    return VplError("error.settings", path=str(path), reason=reason)


def parse_settings(text: str, path: Path) -> Settings:
    """Read settings from TOML text; one VplError naming `path` and the first problem."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_SETTINGS_BYTES:
        raise _problem(path, f"larger than {MAX_SETTINGS_BYTES // 1024} KiB")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _problem(path, str(error)) from None
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in FIELDS:
            raise _problem(path, f"unknown setting {key!r}; known: {', '.join(FIELDS)}")
        if not isinstance(value, str) or not value.strip():
            raise _problem(path, f"{key}: a non-empty text is expected")
        if len(value) > MAX_VALUE or not value.isprintable():
            raise _problem(path, f"{key}: at most {MAX_VALUE} printable characters")
        values[key] = value.strip()
    if "lang" in values and values["lang"] not in LANGS:
        raise _problem(path, f"lang: {values['lang']!r} is not one of {', '.join(LANGS)}")
    if "report_folder" in values:
        values["report_folder"] = Path(values["report_folder"]).expanduser()
    return Settings(**values)


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path` (default `settings_path()`); defaults when there is no file.

    Raises:
        VplError: the file exists but cannot be read or holds something else than settings.
    """
    path = path or settings_path()
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        raise _problem(path, error.strerror or str(error)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _problem(path, "not UTF-8 text") from None
    return parse_settings(text, path)


def dumps_settings(settings: Settings) -> str:
    data = {key: str(value) for key, value in asdict(settings).items() if value is not None}
    return tomli_w.dumps(data)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically, creating the folder; returns the file written."""
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _problem(path, error.strerror or str(error)) from None
    write_output(path, dumps_settings(settings))
    return path
