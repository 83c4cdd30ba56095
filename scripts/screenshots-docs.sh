#!/usr/bin/env bash
# Copies the screenshots the README shows from the last `npm run test:e2e` run into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
src=test-results/screenshots
dst=docs/screenshots
mkdir -p "$dst"
for name in stub-analyze live-search stub-search stub-entity stub-events live-hostile-document stub-analyze-english; do
  for width in desktop mobile; do
    cp "$src/$name-$width.png" "$dst/"
  done
done
ls -la "$dst"
