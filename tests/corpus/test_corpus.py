"""The corpus must not regress: a spec recorded as generated in docs/corpus.md stays so,
and no spec may crash the generator or yield a package that fails its checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import FAILED, GENERATED, corpus_specs, read_table, run


@pytest.mark.slow
def test_corpus_does_not_regress(tmp_path: Path) -> None:
    recorded = read_table()
    outcomes = {o.spec: o for o in run(corpus_specs(), tmp_path)}
    assert set(outcomes) == set(recorded), "docs/corpus.md is stale: run `make corpus`"
    regressions = [
        f"{spec}: was generated, now {outcomes[spec].outcome}: {outcomes[spec].detail}"
        for spec, was in recorded.items()
        if was == GENERATED and outcomes[spec].outcome != GENERATED
    ]
    failures = [f"{o.spec}: {o.detail}" for o in outcomes.values() if o.outcome == FAILED]
    assert not regressions and not failures, "\n".join(regressions + failures)
    assert sum(o.outcome == GENERATED for o in outcomes.values()) >= 50
