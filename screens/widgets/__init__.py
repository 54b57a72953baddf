"""The widgets of the screens: they draw what they are given and never read the store."""
