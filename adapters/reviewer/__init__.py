"""Language-model reviewers of gate decisions (ports/review/reviewer.py)."""
