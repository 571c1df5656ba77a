"""Composition root: the only package that chooses adapters."""
