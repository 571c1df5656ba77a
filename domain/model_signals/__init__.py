"""Model signals: causal features from bars, walk-forward splits, labels and fold metrics."""
