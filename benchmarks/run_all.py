"""Run every benchmark in turn and print its figures (`make bench`). Never part of the test suite.

    .venv/bin/python benchmarks/run_all.py [--quick]

--quick shrinks the ask corpus to 10,000 passages, the web load to 300 requests and the fuzzed texts
to 2,000 (20,000 otherwise; fuzz_texts.py alone runs 100,000 by default) and the inbox triage to
2,000 messages (10,000 and 100,000 otherwise).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller corpus, fewer requests and texts")
    args = parser.parse_args()
    runs = [
        ["assess_speed.py"],
        ["warm_assess.py", *(["--rounds", "1"] if args.quick else [])],
        ["linear_reading.py"],
        ["fuzz_texts.py", "--n", "2000" if args.quick else "20000"],
        ["interview_step.py"],
        ["ask_scale.py", *(["--passages", "10000", "--queries", "200"] if args.quick else [])],
        ["web_load.py", *(["--requests", "300", "--seconds", "10"] if args.quick else [])],
        ["inbox_triage.py", "--sizes", "2000" if args.quick else "10000,100000"],
    ]
    failed = 0
    for script, *options in runs:
        print(f"\n=== {script} {' '.join(options)}", flush=True)
        failed += subprocess.run([sys.executable, str(HERE / script), *options], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
