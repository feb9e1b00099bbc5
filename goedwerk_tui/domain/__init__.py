"""The domain: decks, catalogues, session rules, the save log and debrief analysis.

Plain Python: nothing under this package may import ``textual`` (a test enforces it).
"""
