"""The liaison procedure: its commands, state, events and messages."""
