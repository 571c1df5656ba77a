"""Sentiment indices (issue 22 group 1): the Fear & Greed composite and the HypeMeter."""
