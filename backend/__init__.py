"""Tandem's backend: services, engines and the store, with thin HTTP and CLI faces."""

import os

# torch and faiss each bundle their own OpenMP runtime. With the default spin-waiting, the two pools
# fight over this machine's 2 cores and one query embedding can take ~500 ms instead of ~10 ms
# (measured: bench/results/retrieval.json notes). Passive waiting must be set before either loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
