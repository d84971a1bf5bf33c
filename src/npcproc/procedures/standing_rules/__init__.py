"""The standing rules procedure: its commands, state, events and messages."""
