"""Catalogue sources -> database: the official SDK snapshot, the repository's data files, and the loader."""
