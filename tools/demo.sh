#!/usr/bin/env bash
# The README's demonstration: installs what is missing, builds, and regenerates the audit's
# tables from the real library (exported / wrapped in Python / matching NumPy) into docs/audit.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install_deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc 2>/dev/null || echo 2)"
/usr/bin/python3 tools/audit_report --out docs/audit.md
