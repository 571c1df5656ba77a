"""OAuth for the agents' MCP server: the clients that ask, a person's grants to them, and the
codes and tokens that carry a grant, kept by digest only (never the raw value)."""
