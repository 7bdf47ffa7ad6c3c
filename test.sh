#!/usr/bin/env bash
# Sets up what the tests need on a fresh machine and runs every test of CharRnnLab.
#  - End-to-end tests drive a headless Chromium. Where apt exists, Debian's `chromium` is installed
#    (never a downloaded browser); elsewhere the Playwright fixture installs Playwright's own build.
#  - The PyTorch parity test runs docs/python.md's script under Debian's python3-torch (in
#    /usr/bin/python3), installed here where apt exists (about 2 minutes); it fails without it
#    unless the machine has no apt (or CHARRNN_PYTHON names another python with torch).
#  - Prints one closing line "N passed, N failed" summed over all test assemblies.
set -euo pipefail
cd "$(dirname "$0")"

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
/usr/bin/python3 -c 'import torch' >/dev/null 2>&1 || packages+=(python3-torch)
if [ ${#packages[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing Debian's ${packages[*]} for the end-to-end and PyTorch parity tests..."
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null; } ||
    echo "Could not install ${packages[*]} with apt; the end-to-end fixture falls back to Playwright's browser, the parity test fails."
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test CharRnnLab.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# grep finds nothing when the build failed: the summary still prints (0 passed) and dotnet's status is kept.
passed=$({ grep -Eo 'Passed: +[0-9]+' "$log" || true; } | awk '{s+=$2} END {print s+0}')
failed=$({ grep -Eo 'Failed: +[0-9]+' "$log" || true; } | awk '{s+=$2} END {print s+0}')
echo "${passed} passed, ${failed} failed"
exit $status
