#!/bin/sh
# Installs Locust from Debian's packages when `locust` is missing (python3-locust; pip elsewhere).
# On failure: one line, non-zero exit; the apt output goes to the log given as $1.
set -u
log="$1"
if command -v locust >/dev/null 2>&1; then exit 0; fi
mkdir -p "$(dirname "$log")"
if [ "$(id -u)" -eq 0 ]; then as_root=""; else as_root="sudo -n"; fi
echo "installing python3-locust with apt-get (output: $log)" >&2
install() { $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-locust >>"$log" 2>&1; }
if install || { $as_root apt-get update >>"$log" 2>&1 && install; }; then exit 0; fi
echo "error: --engine locust needs Locust, and 'apt-get install python3-locust' failed (see $log; or pip install locust)" >&2
exit 1
