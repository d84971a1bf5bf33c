"""The inquiry procedure: its commands, state, events and messages."""

__all__: list[str] = []
