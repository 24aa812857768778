#!/usr/bin/env bash
# Installs the Debian packages the test suites and the benchmark start real servers from, only
# when something is missing, with a single `apt-get update`. Usage: debian-packages.sh postgresql
# Each package is "present" when its check below succeeds; nothing is downloaded otherwise.
set -euo pipefail

present() {
  case "$1" in
    postgresql) compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null ;;
    *) dpkg -s "$1" > /dev/null 2>&1 ;;
  esac
}

missing=()
for package in "$@"; do
  present "$package" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "debian-packages.sh: ${missing[*]} missing; run as root to install them with apt-get" >&2
  exit 1
fi
echo "debian-packages.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
