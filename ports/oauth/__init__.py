"""The ports of the OAuth context: its store, the client metadata documents, its agents."""
