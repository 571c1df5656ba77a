"""Financial planning figures (issue 18): homeostasis, the freedom number and the way there."""
