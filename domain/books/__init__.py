"""Books: limits over a group of accounts across venue connections."""
