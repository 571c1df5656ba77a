"""Model signals: train walk-forward signal models from stored bars, serve their scores."""
