"""Streamlit pages: thin layers that read state, call the pipeline and draw."""
