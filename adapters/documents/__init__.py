"""DocumentStore adapters: a local directory, and S3 (or a compatible server) over SigV4."""
