"""The session committees procedure: its commands, state, events and messages."""
