#!/usr/bin/env bash
# Installs the browser the browser tests drive: Debian's chromium package, at
# /usr/bin/chromium.  Playwright is told to use it (executable_path), so no
# browser is ever downloaded by a test tool.  Does nothing when it is there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser.sh: $CHROMIUM is missing and apt-get is not available;" >&2
    echo "install Chromium so that $CHROMIUM exists, then run the browser tests again." >&2
    exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-browser.sh: installing chromium needs root and sudo is not available;" >&2
        echo "run as root: apt-get update && apt-get install -y --no-install-recommends chromium" >&2
        exit 1
    fi
    SUDO=(sudo)
fi

echo "install-browser.sh: installing Debian's chromium for the browser tests..."
if ! "${SUDO[@]}" apt-get update -q \
    || ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; then
    echo "install-browser.sh: apt-get could not install chromium (see above)." >&2
    exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
    echo "install-browser.sh: the chromium package installed but $CHROMIUM is missing." >&2
    exit 1
fi
echo "install-browser.sh: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed at $CHROMIUM"
