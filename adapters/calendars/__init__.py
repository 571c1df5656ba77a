"""Exchange calendars: venues' sessions from the maintained `exchange_calendars` library."""
