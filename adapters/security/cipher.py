"""Fernet (AES-128-CBC + HMAC-SHA256) encryption of secrets kept at rest, such as TOTP seeds."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class FernetCipher:
    """A SecretCipher. Extra `old_keys` still decrypt, so the key can be rotated."""

    def __init__(self, key: bytes, *old_keys: bytes) -> None:
        self._fernet = MultiFernet([Fernet(k) for k in (key, *old_keys)])

    @staticmethod
    def new_key() -> bytes:
        return Fernet.generate_key()

    @classmethod
    def generate(cls) -> FernetCipher:
        """A cipher with a fresh key (what it encrypts cannot be read by another process)."""
        return cls(cls.new_key())

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode()).decode()

    def decrypt(self, ciphertext: str) -> str:
        try:
            return self._fernet.decrypt(ciphertext.encode()).decode()
        except (InvalidToken, UnicodeError):
            raise ValueError("ciphertext cannot be authenticated with this key") from None
