#!/bin/sh
# The system libraries WeasyPrint needs to draw the performance pack as a PDF (Pango, and HarfBuzz's subsetter
# to embed only the glyphs used), installed if missing.
set -e
if ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" && ldconfig -p 2>/dev/null | grep -q "libharfbuzz-subset.so.0"; then
  exit 0
fi
command -v apt-get >/dev/null 2>&1 || { echo "install Pango (libpango-1.0-0, libpangoft2-1.0-0) and libharfbuzz-subset0 for PDF packs" >&2; exit 0; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null
