"""The agents' MCP server: Bulwark's pre-trade gate and safety state as MCP tools, each a call of
Bulwark's own REST API with the agent's key (docs/agents.md)."""
