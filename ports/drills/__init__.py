"""The drills context's ports: its stores, the cron calendar, the drill runner, the last drill."""
