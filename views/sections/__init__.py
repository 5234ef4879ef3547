"""Drawing helpers of the pages, one module per page section group; Streamlit allowed here,
logic stays in lib/."""
