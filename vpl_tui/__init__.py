"""vpl-tui: follow up a municipal operational plan (verksamhetsplan) from the keyboard."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vpl-tui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
