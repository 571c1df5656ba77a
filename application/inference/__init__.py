"""Inference use cases: the model catalogue, sentiment, keywords, a trade's context."""
