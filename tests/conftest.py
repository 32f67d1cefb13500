"""Shared test helpers: where the repository and the optional ../shared material are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def repo_root() -> Path:
    return REPO


def shared_dir() -> Path:
    """The evaluation material beside the checkout; skip the calling test when it is absent."""
    shared = REPO.parent / "shared"
    if not shared.is_dir():
        pytest.skip("../shared is absent (evaluation material is not shipped)")
    return shared
