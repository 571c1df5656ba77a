"""Kill-switch drills on a schedule: the schedules owners set and the record of each drill."""
