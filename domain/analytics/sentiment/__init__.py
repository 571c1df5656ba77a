"""Sentiment indices: the Fear & Greed composite and the HypeMeter."""
