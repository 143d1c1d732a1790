# The CLIPS peer's cohort as JSON Lines for ./adcc batch (the generator of the peer's README, seed 7):
# two cells, 0-4 treatments among daratumumab, ATRA, IFN-alpha and the nanobody, 20% CD38 knockouts.
# Usage: python3 bench/peer-cohort.py N [SEED] > cohort.jsonl   (another SEED: another cohort of the same shape)
import json, random, sys
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
L = ["none", "low", "medium", "high"]
for i in range(int(sys.argv[1])):
    cells = [{"id": "mm", "type": "myeloma", "cd38": random.choice(L)},
             {"id": "nk", "type": "nk", "cd16": random.choice(["none", "158F", "158V"]), "cd38": random.choice(L),
              **({"cd38Knockout": True, "cd38": "none"} if random.random() < 0.2 else {})}]
    tr = []
    if random.random() < .5: tr.append({"agent": "daratumumab"})
    if random.random() < .5: tr.append({"agent": "atra", "on": random.choice(["mm", "nk"])})
    if random.random() < .5: tr.append({"agent": "ifn_alpha", "on": "mm"})
    if random.random() < .5: tr.append({"agent": "cd38_nanobody", "on": random.choice(["mm", "nk"])})
    print(json.dumps({"id": f"s{i}", "cells": cells, "treatments": tr}))
