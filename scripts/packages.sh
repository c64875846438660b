# Sourced by test.sh and cluster.sh: Debian packages for the shared store and its proxy.
# server_packages prints what of PostgreSQL 15, PostGIS and HAProxy is missing;
# apt_install installs the packages named in its arguments (nothing when there are none).

server_packages() {
  local missing=""
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing="$missing postgresql"
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || missing="$missing postgresql-15-postgis-3"
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing="$missing haproxy"
  echo "$missing"
}

apt_install() {
  [ -n "$*" ] || return 0
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # shellcheck disable=SC2068
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq $@ >/dev/null
}
