"""Social feeds for the HypeMeter: a JSON-lines file replayed against the clock."""
