"""Use cases: orchestrate the domain through ports; one capability per module."""
