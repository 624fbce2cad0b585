#!/usr/bin/env bash
# Writes a screenshot of every web page at 375 and 1280 px, light and dark, into OUTDIR: the
# browser test that photographs them (tests/Skillprint.Web.Tests/ScreenshotTests.cs) run on its
# own, against the real server in Chromium (/usr/bin/chromium).
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: tools/screenshots.sh OUTDIR" >&2
  exit 2
fi
mkdir -p "$1"
out=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
dotnet build tests/Skillprint.Web.Tests -c Release -nologo -v q
SKILLPRINT_SCREENSHOTS="$out" dotnet test tests/Skillprint.Web.Tests -c Release --no-build \
  --filter "FullyQualifiedName~ScreenshotTests" --logger "console;verbosity=minimal"
echo "screenshots in $out:" && ls "$out"
