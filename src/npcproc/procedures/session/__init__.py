"""The session procedure: its commands, state, events and messages."""
