#!/usr/bin/env python3
"""End-to-end throughput and memory of `figtrace run` (issue 7), run by bench/run.sh.

Builds the corpora (bench/make_corpus.py: ~60 MB, and twice that), then measures with the
release binary, each a fresh process (wall time; peak RSS from getrusage of the child):

  1. `figtrace run` on the corpus, RUNS times: min / median / max wall, MB/s, peak RSS;
  2. the corpus twice over, RUNS times: peak RSS, and its ratio to (1) (highest peaks);
  3. `--jobs 1` against two threads (median of RUNS each, alternated);
  4. four shards (`--shard i/4`) joined with `figtrace reconcile`: the same figures as (1)?
  5. quantulum3 (pip, in a virtual environment made here) against figtrace's extractor on
     the same sample of sentences.

Standard library only (quantulum3 runs in its own venv). Prints a summary; writes
bench/out/throughput.json.
"""
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
RUNS = int(os.environ.get("RUNS", "3"))


def mb(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 1e6


CPU = {}  # command line -> CPU seconds (user + system) of each run, to tell the VM's drift from the code's


def timed(cmd):
    """Wall seconds and peak RSS (MB) of `cmd`, run in a fresh Python so getrusage sees it alone."""
    probe = ("import resource,subprocess,sys,time;t=time.time();r=subprocess.run(sys.argv[1:]);"
             "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
             "print(time.time()-t, u.ru_maxrss, r.returncode, u.ru_utime+u.ru_stime)")
    out = subprocess.run([sys.executable, "-c", probe, *map(str, cmd)], capture_output=True, text=True, check=True)
    secs, rss_kb, code, cpu = out.stdout.split()
    if code not in ("0", "1"):
        sys.exit(f"{' '.join(map(str, cmd))} failed ({code}): {out.stderr}")
    CPU.setdefault(" ".join(map(str, cmd)), []).append(float(cpu))
    return float(secs), int(rss_kb) / 1024


def main():
    shared = Path(os.environ.get("FIGTRACE_SHARED", REPO.parent / "shared"))
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = target / "release" / "figtrace"
    results = {}
    corpora = {}
    for scale in (1, 2):
        c = OUT / f"corpus-{scale}x"
        if not c.exists():
            subprocess.run([sys.executable, str(REPO / "bench/make_corpus.py"), str(c), "--scale", str(scale),
                            "--shared", str(shared)], check=True)
        corpora[scale] = c
    size = mb(corpora[1])
    print(f"corpus: {corpora[1]} {size:.1f} MB; twice: {mb(corpora[2]):.1f} MB")

    def run(corpus, out, *extra):
        return timed([binary, "run", corpus, "-o", out, "--quiet", *extra])

    walls, rsss = [], []
    for _ in range(RUNS):
        w, r = run(corpora[1], OUT / "run-1x")
        walls.append(w)
        rsss.append(r)
    manifest = json.loads((OUT / "run-1x" / "manifest.json").read_text())
    results["end_to_end"] = {
        "wall_s": [min(walls), statistics.median(walls), max(walls)],
        "mb_per_s": [size / max(walls), size / statistics.median(walls), size / min(walls)],
        "peak_rss_mb": max(rsss),
        "counts": manifest["counts"],
        "stage_seconds": manifest["timings_seconds"],
    }
    cpu = CPU[" ".join(map(str, [binary, "run", corpora[1], "-o", OUT / "run-1x", "--quiet"]))]
    results["end_to_end"]["cpu_s"] = sorted(cpu)
    print("end to end (min / median / max of %d): %.2f / %.2f / %.2f s = %.1f / %.1f / %.1f MB/s, peak RSS %.0f MB"
          % (RUNS, *results["end_to_end"]["wall_s"], *results["end_to_end"]["mb_per_s"], max(rsss)))
    print("  CPU (user + system) of each run: %s s" % " ".join("%.2f" % c for c in sorted(cpu)))
    t = manifest["timings_seconds"]
    c = manifest["counts"]
    print("  per stage (per-document stages in CPU seconds over all threads, so MB/s per core):")
    for stage in ("ingest", "parse", "clean", "segment", "extract", "context"):
        if t.get(stage):
            print(f"    {stage:<9} {t[stage]:6.2f} s  {size / t[stage]:7.1f} MB/s")
    print(f"    {'dedup':<9} {t['dedup']:6.2f} s  {c['claims'] / t['dedup'] / 1e3:7.0f} k claims/s (keys made in the batches, then links)")
    print(f"    {'reconcile':<9} {t['reconcile']:6.2f} s  {c['claims'] / t['reconcile'] / 1e3:7.0f} k claims/s")
    print(f"    {'write':<9} {t['write']:6.2f} s  {size / t['write']:7.1f} MB/s of input, {c['claims'] / t['write'] / 1e3:.0f} k claims/s")

    # The peak of a run varies by some tens of MB with the threads' timing: the peaks
    # compared are the highest of RUNS runs on each corpus.
    twice = [run(corpora[2], OUT / "run-2x") for _ in range(RUNS)]
    r2 = max(r for _, r in twice)
    results["twice"] = {"wall_s": statistics.median(w for w, _ in twice), "peak_rss_mb": r2,
                        "peak_rss_runs_mb": [r for _, r in twice], "rss_ratio": r2 / max(rsss)}
    print("twice the corpus: %.2f s (median), peak RSS %.0f MB (runs: %s; the corpus's: %s) = %.2f x the corpus's"
          % (results["twice"]["wall_s"], r2, " ".join("%.0f" % r for _, r in twice),
             " ".join("%.0f" % r for r in rsss), r2 / max(rsss)))

    # Alternated, so that a change in the VM's speed during the runs falls on both.
    one, two = [], []
    for _ in range(RUNS):
        one.append(run(corpora[1], OUT / "run-j1", "--jobs", "1")[0])
        two.append(run(corpora[1], OUT / "run-j2", "--jobs", "2")[0])
    results["threads"] = {"jobs1_s": sorted(one), "jobs2_s": sorted(two),
                          "speedup": statistics.median(one) / statistics.median(two)}
    print("--jobs 1: %.2f s, --jobs 2: %.2f s (medians): %.2f x" %
          (statistics.median(one), statistics.median(two), results["threads"]["speedup"]))

    shard_dirs = []
    t = time.time()
    for i in range(4):
        d = OUT / f"shard-{i}"
        run(corpora[1], d, "--shard", f"{i}/4")
        shard_dirs.append(d)
    subprocess.run([binary, "reconcile", *shard_dirs, "-o", OUT / "joined"], check=True, capture_output=True)
    shard_secs = time.time() - t
    def table(d):  # every figure, without the first line (it names the folder)
        out = subprocess.run([binary, "figures", "--all", "-o", d], capture_output=True, text=True, check=True)
        return out.stdout.split("\n", 1)[1]
    same = table(OUT / "joined") == table(OUT / "run-1x")
    results["shards"] = {"n": 4, "seconds_one_machine": shard_secs, "same_figures": same}
    print("4 shards + reconcile (one after another here): %.1f s; same figures as one run: %s" % (shard_secs, same))

    results["quantulum3"] = quantulum(shared, target)
    (OUT / "throughput.json").write_text(json.dumps(results, indent=2) + "\n")


def quantulum(shared, target):
    """quantulum3 and figtrace on the same 1,000 sentences (seed 7) of BBC News."""
    venv = OUT / "venv-quantulum"
    py = venv / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "quantulum3"], check=True)
    files = sorted((shared / "corpora/bbc-news-2225/bbc").rglob("*.txt"))
    sentences = []
    for f in files:
        for para in f.read_text(encoding="latin-1").split("\n"):
            sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", para) if len(s.strip()) > 20]
    random.Random(7).shuffle(sentences)
    sample = OUT / "sentences.txt"
    sample.write_text("\n".join(sentences[:1000]) + "\n")
    size = len(sample.read_bytes()) / 1e6
    code = ("import sys,time\nfrom quantulum3 import parser\nlines=[l for l in open(sys.argv[1]) if l.strip()]\n"
            "parser.parse(lines[0])\nt=time.time()\nn=sum(len(parser.parse(l)) for l in lines)\n"
            "print(time.time()-t, n)")
    out = subprocess.run([str(py), "-c", code, str(sample)], capture_output=True, text=True, check=True).stdout
    q_secs, q_n = out.split()
    q_speed = size / float(q_secs)
    env = dict(os.environ, FIGTRACE_BENCH_SENTENCES=str(sample), CARGO_TARGET_DIR=str(target))
    bench = subprocess.run(["cargo", "bench", "--bench", "throughput", "-q"], cwd=REPO, env=env, capture_output=True,
                           text=True, check=True).stdout
    speeds = {}
    for line in bench.splitlines():
        m = re.match(r"(sample: [a-z +]+?)\s+([\d.]+) / +([\d.]+) / +([\d.]+) MB/s", line)
        if m:
            speeds[m.group(1)] = float(m.group(3))
    ex, ctx = speeds.get("sample: extract"), speeds.get("sample: extract + context")
    print("quantulum3: %.3f MB in %.1f s = %.4f MB/s (%s quantities)" % (size, float(q_secs), q_speed, q_n))
    print("figtrace on the same sentences, one thread (median): extract %.1f MB/s = %.0f x; extract + context "
          "%.1f MB/s = %.0f x" % (ex, ex / q_speed, ctx, ctx / q_speed))
    return {"sentences": 1000, "mb": size, "quantulum_mb_per_s": q_speed, "quantulum_quantities": int(q_n),
            "figtrace_extract_mb_per_s": ex, "figtrace_extract_context_mb_per_s": ctx,
            "ratio_extract": ex / q_speed, "ratio_extract_context": ctx / q_speed}


if __name__ == "__main__":
    main()
