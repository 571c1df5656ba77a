"""Bulwark's framework-free domain core: pure model and math, no I/O."""
