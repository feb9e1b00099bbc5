"""goedwerk: a terminal dilemma-card game for "Goed Werk" workshops."""

__version__ = "0.1.0"
