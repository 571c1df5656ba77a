"""Identity's API: users, invitations, password resets, workspaces and KYC."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "identity",
        auth=w.core.auth,
        users=w.identity.user_admin,
        invitations=w.identity.invitations,
        password_resets=w.identity.password_resets,
        workspaces=w.identity.workspaces,
        kyc=w.identity.kyc,
        kyc_status=w.identity.kyc_status,
    )
