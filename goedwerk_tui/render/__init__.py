"""Rich renderables for domain objects, shared by the CLI (``show``, ``values``) and the TUI.

No Textual import here: the CLI uses these without loading the UI.
"""
