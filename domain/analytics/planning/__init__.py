"""Financial planning figures: homeostasis, the freedom number and the way there."""
