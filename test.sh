#!/usr/bin/env bash
# Sets up what the tests need on a fresh machine and runs every test of CharRnnLab.
#  - End-to-end tests drive a headless Chromium. Where apt exists, Debian's `chromium` is installed
#    (never a downloaded browser); elsewhere the Playwright fixture installs Playwright's own build.
#  - Prints one closing line "N passed, N failed" summed over all test assemblies.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing Debian's chromium for the end-to-end tests..."
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; } ||
    echo "Could not install chromium with apt; the end-to-end fixture will install Playwright's browser instead."
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
