"""Workshops: storage of workshops and votes (SQLite by default, PostgreSQL via DATABASE_URL).

The public API is re-exported by `lib.workshop.service`.
"""
