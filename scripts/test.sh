#!/usr/bin/env bash
# Runs every test: unit tests (*Test) and process-level tests (*IT) against a real MariaDB (the machine's at
# 127.0.0.1:3306 when it answers, else an embedded one), the AEP sandbox and the real jar. The state database
# tests also need the machine's PostgreSQL (127.0.0.1:5432, trust) and MariaDB, and fail naming whichever is down.
set -euo pipefail
cd "$(dirname "$0")/.."

shared_schema=../shared/xdm/compat/commerce-experienceevent.schema.json
if [ ! -f "$shared_schema" ]; then
  echo "test.sh: $shared_schema is missing; the XDM tests validate against it (put ../shared beside the project)" >&2
  exit 1
fi

# StorefrontBrowserIT drives Debian's headless Chromium through Debian's chromium-driver (never a browser download).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt_get="env DEBIAN_FRONTEND=noninteractive apt-get"
  [ "$(id -u)" -eq 0 ] || apt_get="sudo $apt_get"
  $apt_get update -qq && $apt_get install -y -qq chromium chromium-driver
fi

exec mvn -B -ntp verify "$@"
