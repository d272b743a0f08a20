"""Use cases, one transaction each, shared by the GUI and the CLI."""
