"""Identity: users, credentials, tokens, API keys and the login throttle."""

from domain.identity.apikeys import ApiKey, api_key_text, parse_api_key
from domain.identity.credentials import (
    InvalidCredentialInput,
    digest,
    matches_digest,
    new_backup_code,
    new_secret,
    normalize_username,
    validate_password,
    validate_person_role,
    validate_username,
)
from domain.identity.tokens import (
    AccessClaims,
    RefreshToken,
    parse_refresh_token,
    refresh_token_text,
)
from domain.identity.users import LoginThrottle, User

__all__ = [
    "AccessClaims",
    "ApiKey",
    "InvalidCredentialInput",
    "LoginThrottle",
    "RefreshToken",
    "User",
    "api_key_text",
    "digest",
    "matches_digest",
    "new_backup_code",
    "new_secret",
    "normalize_username",
    "parse_api_key",
    "parse_refresh_token",
    "refresh_token_text",
    "validate_password",
    "validate_person_role",
    "validate_username",
]
