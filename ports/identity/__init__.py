"""The identity context's ports."""
