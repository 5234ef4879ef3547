"""The room bench's floor: a bare Streamlit page with one button. With `?screen=1` it also has
what an organiser's screen needs at the least: a fragment redrawn every 3 s (as views/atelier.py).
"""

import time

import streamlit as st

st.button("Envoyer", key="send")


@st.fragment(run_every="3s")
def screen() -> None:
    st.caption(time.strftime("%H:%M:%S"))


if st.query_params.get("screen"):
    screen()
