"""`make bench`: clientgen's clients and generator measured against their alternatives.

Run with `python -m bench`; it prints the tables and rewrites docs/benchmarks.md and
docs/benchmarks.png. Nothing here is part of `make test`. Environment: `BENCH_QUICK=1` runs
fewer rounds (for trying changes; the doc says so), `BENCH_SCALE_TIMEOUT` is the limit in
seconds for each generation of GitHub's spec (default 300).
"""
