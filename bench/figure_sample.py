#!/usr/bin/env python3
"""A fixed random sample of conflicting and consistent figures from a run over the BBC and
Reuters corpora, each with its claims, as a sheet for judging reconciliation by hand.

    python3 bench/figure_sample.py > figures.jsonl      # seed 5, 30 of each status

Works in the repository root like bench/context_sample.py (bench/out/reuters.jsonl is
made when missing); FIGTRACE names the binary (default: the release build under CARGO_TARGET_DIR or target/).
Standard library only.
"""
import argparse
import json
import random
import sys
from collections import defaultdict

from corpora import corpus_claims


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("-n", type=int, default=30, help="figures of each status")
    args = ap.parse_args()
    claims = corpus_claims(args.shared)
    figures = defaultdict(list)
    status = {}
    for c in claims:
        if c["figure_id"]:
            figures[c["figure_id"]].append(c)
            status[c["figure_id"]] = c["figure_status"]
    rng = random.Random(args.seed)
    for wanted in ["conflicting", "consistent"]:
        ids = sorted(f for f, s in status.items() if s == wanted)
        print(f"{len(ids)} {wanted} figures", file=sys.stderr)
        for fid in rng.sample(ids, min(args.n, len(ids))):
            claims = [{k: c[k] for k in ["claim_id", "at", "publisher", "published", "surface", "value", "subject",
                                          "geography", "period", "duplicate_of", "sentence"]}
                      for c in figures[fid]]
            print(json.dumps({"figure_id": fid, "status": wanted, "claims": claims}, ensure_ascii=False))


if __name__ == "__main__":
    main()
