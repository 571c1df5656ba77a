"""ESG data adapters (EsgDataPort): a CSV file."""
