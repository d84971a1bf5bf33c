"""The suggestion procedure: its commands, state, events and messages."""
