"""Models fitted in-process with scikit-learn (login anomalies, the learned signal combiner)."""
