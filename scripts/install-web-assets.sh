#!/bin/sh
# GOV.UK Frontend (CSS, JS, fonts, images) for the dashboard, from npm into the git-ignored static/vendor folder.
# On a fresh Debian machine, node and npm come from apt.
set -e
VERSION="5.14.0"
DEST="src/lineofsight/web/static/vendor/govuk-frontend"
if [ -f "$DEST/.version" ] && [ "$(cat "$DEST/.version")" = "$VERSION" ]; then exit 0; fi
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm install --silent --no-audit --no-fund "govuk-frontend@$VERSION" >/dev/null)
rm -rf "$DEST"
mkdir -p "$DEST"
cp -R "$WORK/node_modules/govuk-frontend/dist/govuk/." "$DEST/"
echo "$VERSION" > "$DEST/.version"
