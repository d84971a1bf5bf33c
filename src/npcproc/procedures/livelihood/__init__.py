"""The livelihood procedure: its commands, state, events and messages."""
