"""The baseline of the first-paint benchmark: an empty Streamlit page with a title."""

import streamlit as st

st.title("Page vide")
