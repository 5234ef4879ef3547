"""Plotly figures, one module per page; `style` holds what they share (fonts, palettes)."""
