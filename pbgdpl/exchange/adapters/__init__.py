"""Adapters turn a peer's own protocol into batches of our feed entries (one file per
peer kind; see base.py)."""
