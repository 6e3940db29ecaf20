"""Search: normalised text -> derived in-process index -> ranked entries."""
