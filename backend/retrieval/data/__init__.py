"""Data files shipped with retrieval (the background pool of off-topic questions)."""
