#!/bin/sh
# Installs FastAPI and uvicorn from Debian's packages when they are missing: python3-fastapi, and
# uvicorn for the `uvicorn` command (python3-uvicorn alone ships only the module). On failure:
# one line, non-zero exit; the apt output goes to the log given as $1 (inside the project).
set -u
log="$1"
if command -v uvicorn >/dev/null 2>&1 && "$(head -n 1 "$(command -v uvicorn)" | sed 's/^#! *//; s/ .*//')" -c 'import fastapi' >/dev/null 2>&1; then
  exit 0
fi
mkdir -p "$(dirname "$log")"
if [ "$(id -u)" -eq 0 ]; then as_root=""; else as_root="sudo -n"; fi
echo "installing python3-fastapi and uvicorn with apt-get (output: $log)" >&2
install() { $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-fastapi uvicorn >>"$log" 2>&1; }
if install || { $as_root apt-get update >>"$log" 2>&1 && install; }; then
  exit 0
fi
echo "error: make fastapi needs FastAPI and uvicorn, and 'apt-get install python3-fastapi uvicorn' failed (see $log)" >&2
exit 1
