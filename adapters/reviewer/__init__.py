"""Language-model reviewers of gate decisions (ports/reviewer.py)."""
