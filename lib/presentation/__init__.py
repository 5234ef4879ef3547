"""The presentation mode: a story of steps (`story`), what each step shows (`slides`), its charts
(`charts`), the session binding (`presenting`, the one module here that imports Streamlit) and the
PPTX deck (`deck`, `story_deck`).

This `__init__` exports nothing: callers import the submodule they need
(`from lib.presentation import slides`).
"""
