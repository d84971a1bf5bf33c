"""Built-in behaviour, written as plugins: the national rules and the default backends."""

__all__: list[str] = []
