"""Shared fixtures: the seed articles, and the read-only shared data when it is present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GROUND_TRUTH = SHARED / "data" / "vader-ground-truth"


@pytest.fixture(scope="session")
def seed_docs():
    import newscompare as nc

    return {d.id: d for d in nc.prepare([SEEDS])}


@pytest.fixture
def write(tmp_path):
    """write(name, text or bytes) -> path of a file in a fresh temporary folder."""

    def _write(name: str, content, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return _write


def needs_ground_truth():
    return pytest.mark.skipif(not GROUND_TRUTH.is_dir(),
                              reason=f"human-rated sentiment data not found at {GROUND_TRUTH} "
                                     "(it sits beside the project in CI, not in a user's clone)")
