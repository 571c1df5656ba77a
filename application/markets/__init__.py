"""Markets use cases: rates, futures, macro, insiders, 13F, Fear & Greed, the HypeMeter."""
