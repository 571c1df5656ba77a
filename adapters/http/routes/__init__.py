"""Thin controllers: DTO -> command -> use case -> DTO."""
