"""The room bench (`bench/bench_room.py`): simulated phones and one organiser screen driving a
running app over Streamlit's own websocket protocol, as browsers do."""
