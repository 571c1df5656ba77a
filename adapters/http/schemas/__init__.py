"""msgspec DTOs of the HTTP API: strict inputs (unknown fields rejected), explicit outputs."""
