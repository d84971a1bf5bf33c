"""The presidium procedure: its commands, state, events and messages."""
