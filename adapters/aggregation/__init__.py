"""The account aggregator (Plaid) over its documented REST API, and its webhooks' check."""
