"""Notification channels: the senders (SMTP, signed webhooks, Slack, Telegram), the URL guard
that keeps user-registered URLs off internal networks, and the destination directory."""
