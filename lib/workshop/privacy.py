"""The smallest group whose answers are shown beyond the organiser (one setting for every rule
that needs it): with fewer, people in the room could tell who chose what."""

MIN_PARTICIPANTS = 5  # participants who voted, for a workshop to be published
