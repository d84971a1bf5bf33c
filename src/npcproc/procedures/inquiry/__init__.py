"""The inquiry procedure: its commands, state, events and messages."""
