"""Models judged by their outcomes (docs/ai-review.md, "Outcome records"): predictions
recorded when made, joined later with what the market did, reported per model and version."""
