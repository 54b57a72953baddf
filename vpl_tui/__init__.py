"""vpl-tui: follow up a municipal operational plan (verksamhetsplan) from the keyboard."""


def __getattr__(name: str) -> str:
    # `__version__` is looked up on first use: importlib.metadata costs every start of
    # every command ~20 ms, and only `vpl --version` and the HTML summary need it.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("vpl-tui")
        except PackageNotFoundError:  # running from a source tree that was never installed
            value = "0.0.0"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
