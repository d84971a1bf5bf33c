"""The budget procedure: its commands, state, events and messages."""
