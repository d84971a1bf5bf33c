"""Value objects: levels, posts, congresses, terms, deputies."""

from npcproc.model.congress import Congress, Deputy, DeputyStatus, StatusChange, Term
from npcproc.model.levels import Level, Post

__all__ = ["Congress", "Deputy", "DeputyStatus", "Level", "Post", "StatusChange", "Term"]
