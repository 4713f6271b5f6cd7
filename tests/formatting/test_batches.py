"""How formatting work is handed to the workers: batches of about equal text."""

from __future__ import annotations

from generator.render.formatting import _batches


def test_every_job_is_in_exactly_one_batch() -> None:
    sizes = [5, 900, 30, 30, 1, 2000, 7, 450, 450, 3]
    batches = _batches(sizes, workers=2)
    assert sorted(i for batch in batches for i in batch) == list(range(len(sizes)))


def test_large_jobs_are_not_gathered_into_one_batch() -> None:
    # A few large pieces (the resource classes) and many small ones (models): each
    # large one goes alone, so that two workers share them.
    sizes = [100_000] * 8 + [1_000] * 400
    batches = _batches(sizes, workers=2)
    large = [batch for batch in batches if any(sizes[i] == 100_000 for i in batch)]
    assert len(large) == 8 and all(len(batch) == 1 for batch in large)


def test_small_jobs_share_batches_up_to_a_share_of_the_work() -> None:
    sizes = [1_000] * 3200
    batches = _batches(sizes, workers=2)
    limit = sum(sizes) // (2 * 16)
    assert all(sum(sizes[i] for i in batch) <= limit for batch in batches)
    assert len(batches) <= 2 * 16 + 1


def test_batches_start_with_the_largest_job() -> None:
    sizes = [10, 500, 20, 40_000, 30]
    assert _batches(sizes, workers=2)[0] == [3]
