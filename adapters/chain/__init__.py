"""Chain adapters (ChainPort): an EVM JSON-RPC client and an offline fixture file."""
