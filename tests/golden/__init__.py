"""Golden reports and the sessions they are made from (``sessions.py``)."""
