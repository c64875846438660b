"""Briefing export (slides and PDF) of a dashboard view, built without Streamlit.

Every picture drawn with matplotlib (the briefing's maps and charts, and the map picture of
``sentra.map_image``, which draws with this package's pieces) shows its texts as written:
region names, file names and typed text may hold ``$``, which matplotlib would otherwise
read as mathematics (or refuse). Set once for the process, not per figure: ``rc_context``
would change a setting other threads are drawing with.
"""

import matplotlib

matplotlib.rcParams["text.parse_math"] = False
