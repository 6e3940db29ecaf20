"""Entries shaped like the read model's, for the search tests."""

from app.entries import Entry, Text


def entry(number, code, product=None, kind="code", ja=None, en=None, zh=None, fix=None, retired=None):
    """An Entry as the read model gives it; `fix` is English remediation."""
    texts = {lang: Text(text, "official") for lang, text in (("ja", ja), ("en", en), ("zh", zh)) if text}
    remediation = {"en": tuple(fix)} if fix else {}
    return Entry(
        number,
        code,
        product,
        code.split(".")[0],
        "official",
        "no",
        kind,
        descriptions=texts,
        remediation=remediation,
        retired_in=retired,
    )
