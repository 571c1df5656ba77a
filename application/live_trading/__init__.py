"""Live trading by explicit opt-in (the owner's typed acknowledgement, a second approver where
configured), the gate's check of it, the limits it requires and every new account's defaults."""
