"""In-memory repositories of users, login throttles, tokens, API keys and workspaces.

They follow store.py's unit-of-work semantics: adds are staged until commit, and
loaded objects are the stored ones (changes to them are kept, as an identity map's).
"""

from __future__ import annotations

from datetime import datetime

from adapters.memory.repos import MemoryRepo
from domain.errors import Conflict
from domain.identity import ApiKey, LoginThrottle, RefreshToken, User, normalize_username
from domain.identity.emails import normalize_email
from domain.workspaces import Workspace


class UserRepo(MemoryRepo):
    async def add(self, user: User) -> None:
        def check_email() -> None:
            for other in list(self._store.users.values()):
                if other.id != user.id and user.email is not None and other.email == user.email:
                    raise Conflict(f"email {user.email} is taken")

        # First in the commit, as the SQL unique index would: nothing is applied on a clash.
        self._uow.staged.insert(0, check_email)

        def apply() -> None:
            previous = self._store.users.get(user.id)
            if previous is not None:
                self._store.usernames.pop(normalize_username(previous.username), None)
            self._store.users[user.id] = user
            self._store.usernames[normalize_username(user.username)] = user.id

        self._stage(apply)

    async def get(self, user_id: str) -> User | None:
        return self._store.users.get(user_id)

    async def by_username(self, username: str) -> User | None:
        user_id = self._store.usernames.get(normalize_username(username))
        return None if user_id is None else self._store.users.get(user_id)

    async def by_email(self, email: str) -> User | None:
        wanted = normalize_email(email)
        return next((u for u in list(self._store.users.values()) if u.email == wanted), None)

    async def list(self) -> list[User]:
        return sorted(self._store.users.values(), key=lambda u: u.username)


class LoginThrottleRepo(MemoryRepo):
    async def add(self, throttle: LoginThrottle) -> None:
        self._stage(lambda: self._store.login_throttles.__setitem__(throttle.key, throttle))

    async def get(self, key: str) -> LoginThrottle | None:
        return self._store.login_throttles.get(key)


class RefreshTokenRepo(MemoryRepo):
    async def add(self, token: RefreshToken) -> None:
        self._stage(lambda: self._store.refresh_tokens.__setitem__(token.id, token))

    async def get(self, token_id: str) -> RefreshToken | None:
        return self._store.refresh_tokens.get(token_id)

    async def by_family(self, family_id: str) -> list[RefreshToken]:
        return [t for t in self._store.refresh_tokens.values() if t.family_id == family_id]

    async def by_user(self, user_id: str) -> list[RefreshToken]:
        return [t for t in self._store.refresh_tokens.values() if t.user_id == user_id]


class RevokedTokenRepo(MemoryRepo):
    async def add(self, jti: str, expires_at: datetime) -> None:
        self._stage(lambda: self._store.revoked_tokens.__setitem__(jti, expires_at))

    async def add_family(self, family_id: str, expires_at: datetime) -> None:
        self._stage(lambda: self._store.revoked_families.__setitem__(family_id, expires_at))

    async def is_revoked(self, jti: str, family_id: str | None = None) -> bool:
        if jti in self._store.revoked_tokens:
            return True
        return family_id is not None and family_id in self._store.revoked_families

    async def purge(self, now: datetime) -> int:
        tokens = [jti for jti, until in self._store.revoked_tokens.items() if until <= now]
        families = [f for f, until in self._store.revoked_families.items() if until <= now]

        def apply() -> None:
            for jti in tokens:
                self._store.revoked_tokens.pop(jti, None)
            for family in families:
                self._store.revoked_families.pop(family, None)

        self._stage(apply)
        return len(tokens) + len(families)


class ApiKeyRepo(MemoryRepo):
    async def add(self, key: ApiKey) -> None:
        self._stage(lambda: self._store.api_keys.__setitem__(key.id, key))

    async def get(self, key_id: str) -> ApiKey | None:
        return self._store.api_keys.get(key_id)

    async def list(self, owner_id: str | None = None) -> list[ApiKey]:
        return [
            k for k in self._store.api_keys.values() if owner_id is None or k.owner_id == owner_id
        ]


class WorkspaceRepo(MemoryRepo):
    async def add(self, workspace: Workspace) -> None:
        self._stage(lambda: self._store.workspaces.__setitem__(workspace.id, workspace))

    async def get(self, workspace_id: str) -> Workspace | None:
        return self._store.workspaces.get(workspace_id)

    async def list(self, user_id: str) -> list[Workspace]:
        found = [w for w in self._store.workspaces.values() if w.user_id == user_id]
        return sorted(found, key=lambda w: (w.workspace_name, w.id))

    async def remove(self, workspace_id: str) -> None:
        def apply() -> None:
            self._store.workspaces.pop(workspace_id, None)

        self._stage(apply)
