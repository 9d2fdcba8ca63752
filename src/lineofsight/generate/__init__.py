"""Synthetic councils: children simulated event by event, written as the returns a council makes.

Flow: councils (which council, its districts) -> places (real postcodes) ->
simulate (children's histories: referrals, plans, care, missing) and workforce
(census by census) -> returns / census (each collection year's rows as known on
31 March) -> plant (exact figures in the latest year) -> run (files on disk).

Python API: `run.generate(out, run.Plan(seed=..., population=..., targets=plant.Targets(...)))`;
tests elsewhere use `sample.sample_store(tmp_dir)` (the `sample_db` fixture).
"""
