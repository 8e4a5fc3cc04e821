"""Cap Réseaux — entry point (`streamlit run app.py`): the pages and their routing are
wizard/views/pages.py (diagnostic, join a workshop, run one, room view)."""
from wizard.views import pages

pages.main()
