"""The reconciliation context's use cases: venue accounts compared with Bulwark's."""
