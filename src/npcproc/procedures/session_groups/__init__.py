"""The session groups procedure: its commands, state, events and messages."""
