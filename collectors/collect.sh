#!/bin/sh
# collect.sh: rsaudit's standalone bundle collector for Linux, Solaris, FreeBSD and macOS,
# for real servers that have no Node.js. It only reads: nothing on the host is changed.
#
# Run it on the real server, as root so that every file can be read:
#     sh collect.sh [-o OUT] [-f]
#   -o OUT  where to write the bundle. A name ending in .tar.gz or .tgz gets a gzipped tar
#           archive, any other name a directory. Default, in the current directory:
#           rsaudit-bundle-<hostname>-<UTC time>.tar.gz
#   -f      replace OUT if it exists (an existing directory only if it holds a bundle.json)
# Send the file it prints to your support engineer, who runs `rsaudit audit --from OUT`.
#
# It writes a bundle as docs/bundle-format.md describes: bundle.json, commands/<id>.out and
# .err, and files/<path> copies. On Linux it runs and reads exactly what a live `rsaudit audit`
# runs and reads (src/collect/linux-commands.ts, src/facts/linux/*, src/facts/boot-sysctl.ts),
# so the bundle audits like a live run. On Solaris, FreeBSD and macOS (`uname -s` SunOS, FreeBSD,
# Darwin) it runs what src/collect/unix-commands.ts lists and reads the boot-time files that put
# a VIP on lo0 (/etc/hostname.lo0:N, rc.conf, launchd jobs). Secret values (Wi-Fi keys, VPN
# passwords) in NetworkManager and netplan files are replaced by REDACTED: the audit needs the
# addresses, not the secrets. A binary launchd plist is copied as XML (plutil -convert xml1).
#
# Only tools of a base install are used (sh, cat, ls, date, uname, sed, tr, mkdir, mv, rm,
# tar, gzip, id, dd; hostname, readlink, stat, timeout and plutil when present), and it is POSIX sh.

# Solaris 10's /bin/sh is a pre-POSIX Bourne shell: move to its POSIX shell before anything
# below is parsed. /usr/xpg4/bin/sh exists only on Solaris and illumos.
if [ -z "${RSAUDIT_COLLECT_REEXEC:-}" ] && [ -x /usr/xpg4/bin/sh ]; then
  RSAUDIT_COLLECT_REEXEC=1
  export RSAUDIT_COLLECT_REEXEC
  exec /usr/xpg4/bin/sh "$0" "$@"
fi

set -u

VERSION=1.0.0
# The live audit allows 5 s a command; a customer's busy server gets more before we give up.
TIMEOUT_SECONDS=20
NL='
'
# Plain bytes and C-locale messages, as the live audit runs its commands (LC_ALL=C).
LC_ALL=C
LANG=C
export LC_ALL LANG
# ip, ss and ifconfig live in sbin, which a non-root PATH often lacks; the POSIX tools of
# Solaris (id -u) live in /usr/xpg4/bin.
PATH=/usr/xpg4/bin:$PATH:/sbin:/usr/sbin
export PATH
# The bundle holds configuration files: keep it private to whoever ran the collector.
umask 077

# What the Linux audit reads (src/collect/linux-commands.ts LINUX_PATHS, SYSCTL_D_DIRS of
# src/facts/boot-sysctl.ts). None of these paths contains a space, so plain word lists do.
SYSCTL_D_DIRS='/etc/sysctl.d /run/sysctl.d /usr/local/lib/sysctl.d /usr/lib/sysctl.d /lib/sysctl.d'
IPV4_CONF_DIR=/proc/sys/net/ipv4/conf
IPV4_CONF_KEYS='arp_ignore arp_announce arp_filter rp_filter'
RC_LOCAL='/etc/rc.local /etc/rc.d/rc.local'
IFUPDOWN=/etc/network/interfaces
IFCFG_DIR=/etc/sysconfig/network-scripts
NM_DIRS='/etc/NetworkManager/system-connections /run/NetworkManager/system-connections'
NETPLAN_DIRS='/etc/netplan /run/netplan /lib/netplan'
NETWORKD_DIRS='/etc/systemd/network /run/systemd/network /usr/local/lib/systemd/network /usr/lib/systemd/network /lib/systemd/network'
UNIT_WANTS='/etc/systemd/system/multi-user.target.wants /etc/systemd/system/network-online.target.wants'
# What the Solaris, FreeBSD and macOS audits read (src/collect/unix-commands.ts UNIX_PATHS).
RC_CONF='/etc/rc.conf /etc/rc.conf.local /etc/rc.conf.d/network /etc/rc.conf.d/netif'
BSD_SYSCTL_CONF='/etc/sysctl.conf /etc/sysctl.conf.local'
LAUNCH_DAEMONS=/Library/LaunchDaemons
# TUN and IPv6 proxy facts (src/facts/linux/mode-facts.ts, MODULES_LOAD_DIRS of src/facts/modules-load.ts).
IPV6_CONF_DIR=/proc/sys/net/ipv6/conf
IPV6_CONF_KEYS='proxy_ndp forwarding'
MODULES_LOAD_DIRS='/etc/modules-load.d /run/modules-load.d /usr/local/lib/modules-load.d /usr/lib/modules-load.d /lib/modules-load.d'

# ---------------------------------------------------------------------------------------------
# Messages and arguments
# ---------------------------------------------------------------------------------------------

usage() {
  printf 'usage: sh collect.sh [-o OUT] [-f]\n' >&2
  printf '  -o OUT  bundle to write: OUT.tar.gz or OUT.tgz for an archive, any other name for a directory\n' >&2
  printf '  -f      replace OUT if it already exists\n' >&2
}

die() {
  printf 'collect.sh: %s\n' "$1" >&2
  exit "${2:-1}"
}

parse_args() {
  OUT=''
  FORCE=0
  while getopts 'o:fh' opt; do
    case $opt in
      o) OUT=$OPTARG ;;
      f) FORCE=1 ;;
      h) usage; exit 0 ;;
      *) usage; exit 2 ;;
    esac
  done
  shift $((OPTIND - 1))
  [ $# -eq 0 ] || { usage; exit 2; }
}

# ---------------------------------------------------------------------------------------------
# JSON: the one place that escapes text
# ---------------------------------------------------------------------------------------------

# jstr TEXT: sets REPLY to TEXT as a JSON string. `\` and `"` are escaped and control characters
# dropped, so no file name, stderr line or host name can break bundle.json. Plain text skips the
# pipeline, which keeps a run with hundreds of names fast.
jstr() {
  case $1 in
    *[\\\"]* | *[![:print:]]*)
      # The echo gives sed a final newline: some seds drop an unterminated last line.
      REPLY=$({ printf '%s' "$1" | tr -d '\000-\037\177'; echo; } | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')
      ;;
    *) REPLY=$1 ;;
  esac
  REPLY="\"$REPLY\""
}

# jarr WORD...: sets REPLY to a JSON array of the words.
jarr() {
  _ja=''
  for _jw in "$@"; do
    jstr "$_jw"
    _ja="${_ja:+$_ja, }$REPLY"
  done
  REPLY="[$_ja]"
}

# failure REASON DETAIL: sets REPLY to a bundle failure object.
failure() {
  jstr "$2"
  REPLY="{\"reason\": \"$1\", \"detail\": $REPLY}"
}

# emit LIST OBJECT: appends one entry to commands[], files[] or dirs[] (one line each).
emit() {
  printf '%s\n' "$2" >>"$PARTS/$1"
}

# clean_path PATH: sets REPLY to PATH without control characters, the name the bundle uses, so
# that `path`, `copy`, the dirs[] entry and the file in files/ all agree.
clean_path() {
  case $1 in
    *[![:print:]]*) REPLY=$(printf '%s' "$1" | tr -d '\000-\037\177') ;;
    *) REPLY=$1 ;;
  esac
}

# copy_name PATH: sets REPLY to the copy's name in the bundle, files/PATH, with `%` and `\`
# percent-encoded: readers take a backslash in an archive entry for a folder separator
# (PowerShell's zips use it), so a Linux name holding one would land elsewhere.
copy_name() {
  case $1 in
    *[%\\]*) REPLY=files$(printf '%s\n' "$1" | sed -e 's/%/%25/g' -e 's/\\/%5C/g') ;;
    *) REPLY=files$1 ;;
  esac
}

# seen KEY: true when KEY was seen before, else remembers it. Keeps each path in the bundle once.
SEEN=$NL
seen() {
  case $SEEN in
    *"$NL$1$NL"*) return 0 ;;
  esac
  SEEN="$SEEN$1$NL"
  return 1
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------

# first_line FILE: the first non-blank line, trimmed (what the live audit puts in its detail).
first_line() {
  sed -n '/[^[:space:]]/{s/^[[:space:]]*//;s/[[:space:]]*$//;p;q;}' "$1"
}

# run_command ID PROGRAM ARG...: runs the program without a shell, output into commands/ID.out
# and .err, and records it in commands[] with the failure reasons of the live audit.
run_command() {
  _rc_id=$1
  shift
  jstr "$_rc_id"
  _rc_json="{\"id\": $REPLY"
  jarr "$@"
  _rc_json="$_rc_json, \"argv\": $REPLY"
  _rc_line=$*
  if ! command -v "$1" >/dev/null 2>&1; then
    failure command-missing "$1 is not installed"
    emit commands "$_rc_json, \"exitCode\": null, \"failure\": $REPLY}"
    return 0
  fi

  _rc_out=commands/$_rc_id.out
  _rc_err=commands/$_rc_id.err
  if [ -n "$TIMEOUT" ]; then
    "$TIMEOUT" "$TIMEOUT_SECONDS" "$@" <"/dev/null" >"$STAGE/$_rc_out" 2>"$STAGE/$_rc_err"
  else
    "$@" <"/dev/null" >"$STAGE/$_rc_out" 2>"$STAGE/$_rc_err"
  fi
  _rc_status=$?

  _rc_fail=''
  _rc_code=$_rc_status
  case $_rc_status in
    0) ;;
    124)
      if [ -n "$TIMEOUT" ]; then
        _rc_code=null
        failure timeout "$_rc_line did not finish within ${TIMEOUT_SECONDS}000 ms"
      else
        failure nonzero-exit "$_rc_line exited with 124"
      fi
      _rc_fail=$REPLY
      ;;
    126) _rc_code=null; failure permission-denied "permission denied running $_rc_line"; _rc_fail=$REPLY ;;
    127) _rc_code=null; failure command-missing "$1 is not installed"; _rc_fail=$REPLY ;;
    *)
      _rc_first=$(first_line "$STAGE/$_rc_err")
      failure nonzero-exit "$_rc_line exited with $_rc_status${_rc_first:+: $_rc_first}"
      _rc_fail=$REPLY
      ;;
  esac

  _rc_json="$_rc_json, \"exitCode\": $_rc_code"
  if [ "$_rc_code" = null ] && [ ! -s "$STAGE/$_rc_out" ]; then
    rm -f "$STAGE/$_rc_out"
  else
    _rc_json="$_rc_json, \"stdout\": \"$_rc_out\""
  fi
  if [ -s "$STAGE/$_rc_err" ]; then
    _rc_json="$_rc_json, \"stderr\": \"$_rc_err\""
  else
    rm -f "$STAGE/$_rc_err"
  fi
  [ -z "$_rc_fail" ] || _rc_json="$_rc_json, \"failure\": $_rc_fail"
  emit commands "$_rc_json}"
}

# ---------------------------------------------------------------------------------------------
# Files and directories
# ---------------------------------------------------------------------------------------------

# file_mode PATH: sets REPLY to the permission bits (of the link's target) as a decimal number,
# or to nothing where GNU stat is not available.
file_mode() {
  REPLY=''
  [ "$HAS_GNU_STAT" = 1 ] || return 0
  _fm=$(stat -L -c %a "$1" 2>/dev/null) || return 0
  case $_fm in
    '' | *[!0-7]*) return 0 ;;
  esac
  # The leading 0 makes shell arithmetic read the digits as octal: 644 becomes 420.
  REPLY=$((0$_fm))
}

# copy_file PATH [redact]: copies PATH to files/PATH and records it in files[], with its mode and
# link target, or the reason it could not be read. `redact` blanks secret values.
copy_file() {
  _cf_path=$1
  _cf_redact=${2:-}
  clean_path "$_cf_path"
  _cf_clean=$REPLY
  seen "file:$_cf_clean" && return 0
  jstr "$_cf_clean"
  _cf_json="{\"path\": $REPLY"
  _cf_link=''
  # Linux always has readlink (coreutils, busybox); link targets matter only there (sysctl.d).
  if [ -L "$_cf_path" ] && command -v readlink >/dev/null 2>&1; then
    jstr "$(readlink "$_cf_path")"
    _cf_link=$REPLY
  fi

  _cf_fail=''
  if [ ! -e "$_cf_path" ]; then
    failure missing "$_cf_clean does not exist"
    _cf_fail=$REPLY
  elif [ -d "$_cf_path" ]; then
    failure missing "$_cf_clean is a directory, not a file"
    _cf_fail=$REPLY
  elif [ ! -f "$_cf_path" ]; then
    # A FIFO or device would block or never end; the audit reads regular files only.
    failure not-collected "$_cf_clean is not a regular file"
    _cf_fail=$REPLY
  elif [ ! -r "$_cf_path" ]; then
    failure permission-denied "permission denied reading $_cf_clean (run as root)"
    _cf_fail=$REPLY
  else
    copy_name "$_cf_clean"
    _cf_copy=$REPLY
    mkdir -p "$STAGE/${_cf_copy%/*}"
    if copy_content "$_cf_path" "$STAGE/$_cf_copy" "$_cf_redact" 2>/dev/null; then
      jstr "$_cf_copy"
      _cf_json="$_cf_json, \"copy\": $REPLY"
      file_mode "$_cf_path"
      [ -z "$REPLY" ] || _cf_json="$_cf_json, \"mode\": $REPLY"
    else
      rm -f "$STAGE/$_cf_copy"
      failure permission-denied "permission denied reading $_cf_clean (run as root)"
      _cf_fail=$REPLY
    fi
  fi

  # A dangling link still says where it points (99-sysctl.conf without /etc/sysctl.conf).
  [ -z "$_cf_link" ] || _cf_json="$_cf_json, \"linkTarget\": $_cf_link"
  [ -z "$_cf_fail" ] || _cf_json="$_cf_json, \"failure\": $_cf_fail"
  emit files "$_cf_json}"
}

# copy_content FROM TO [redact|plist]
copy_content() {
  case ${3:-} in
    redact) redact <"$1" >"$2" ;;
    # A bundle holds text only: a binary property list is stored as the XML it stands for.
    plist)
      if is_binary_plist "$1" && command -v plutil >/dev/null 2>&1; then
        plutil -convert xml1 -o - "$1" >"$2"
      else
        cat "$1" >"$2"
      fi
      ;;
    # cat, not cp: a copy is a plain file even when the path is a link (bundles hold no links).
    *) cat "$1" >"$2" ;;
  esac
}

# is_binary_plist FILE: true when FILE starts with the binary plist magic `bplist`.
is_binary_plist() {
  [ "$(dd if="$1" bs=6 count=1 2>/dev/null)" = bplist ]
}

copy_redacted() {
  copy_file "$1" redact
}

copy_plist() {
  copy_file "$1" plist
}

# redact: keyfile (`psk=...`) and YAML (`password: ...`) lines whose key names a secret keep
# the key and lose the value. The parsers read addresses, never these values.
redact() {
  _rd_key='^\([[:space:]]*[A-Za-z0-9_.-]*'
  _rd_end='[A-Za-z0-9_.-]*[[:space:]]*[=:]\).*$'
  sed -e "s/${_rd_key}[Pp][Ss][Kk]$_rd_end/\\1 REDACTED/" \
    -e "s/${_rd_key}[Pp][Aa][Ss][Ss][Ww][Oo][Rr][Dd]$_rd_end/\\1 REDACTED/" \
    -e "s/${_rd_key}[Ss][Ee][Cc][Rr][Ee][Tt]$_rd_end/\\1 REDACTED/" \
    -e "s/${_rd_key}[Ww][Ee][Pp]-[Kk][Ee][Yy]$_rd_end/\\1 REDACTED/"
}

# collect_dir DIR [PATTERN [ACTION]]: lists DIR into dirs[] and runs ACTION (default copy_file)
# on each entry whose name matches the shell PATTERN. No PATTERN: list only.
collect_dir() {
  _cd_dir=$1
  _cd_pattern=${2:-}
  _cd_action=${3:-copy_file}
  clean_path "$_cd_dir"
  _cd_clean=$REPLY
  _cd_record=1
  seen "dir:$_cd_clean" && _cd_record=0
  jstr "$_cd_clean"
  _cd_json="{\"path\": $REPLY"

  if [ ! -e "$_cd_dir" ]; then
    failure missing "$_cd_clean does not exist"
  elif [ ! -d "$_cd_dir" ]; then
    failure missing "$_cd_clean is not a directory"
  elif [ ! -r "$_cd_dir" ] || [ ! -x "$_cd_dir" ]; then
    failure permission-denied "permission denied reading $_cd_clean (run as root)"
  else
    _cd_names=''
    # Three globs, because * skips names starting with a dot, which readdir() lists.
    for _cd_entry in "$_cd_dir"/* "$_cd_dir"/.[!.]* "$_cd_dir"/..?*; do
      [ -e "$_cd_entry" ] || [ -L "$_cd_entry" ] || continue
      _cd_name=${_cd_entry##*/}
      clean_path "$_cd_name"
      jstr "$REPLY"
      _cd_names="${_cd_names:+$_cd_names, }$REPLY"
      [ -n "$_cd_pattern" ] || continue
      # shellcheck disable=SC2254 # the pattern is meant to match: '*.conf', 'ifcfg-lo*'
      case $_cd_name in
        $_cd_pattern)
          # ACTION must not call collect_dir: sh has no local variables.
          "$_cd_action" "$_cd_entry"
          ;;
      esac
    done
    [ "$_cd_record" = 0 ] || emit dirs "$_cd_json, \"entries\": [$_cd_names]}"
    return 0
  fi
  [ "$_cd_record" = 0 ] || emit dirs "$_cd_json, \"failure\": $REPLY}"
}

# ---------------------------------------------------------------------------------------------
# Linux
# ---------------------------------------------------------------------------------------------

collect_linux() {
  # Every command the audit may run, fallbacks included: the bundle reader picks the same one.
  run_command ip-addr-json ip -d -j addr show
  run_command ip-addr ip -d addr show
  run_command ip-route-json ip -j route show table all
  run_command ip-route ip route show table all
  run_command ss-listen-tcp ss -Hltn
  # The REDIRECT method's netfilter rules; the -legacy-save pair shows what the nf_tables iptables hides.
  run_command iptables-save iptables-save
  run_command ip6tables-save ip6tables-save
  run_command iptables-legacy-save iptables-legacy-save
  run_command ip6tables-legacy-save ip6tables-legacy-save
  run_command nft-ruleset-json nft -j list ruleset
  run_command ip6-neigh-proxy-json ip -j -6 neigh show proxy
  run_command ip6-neigh-proxy ip -6 neigh show proxy

  collect_dir "$IPV4_CONF_DIR" '*' copy_ipv4_conf
  copy_file /proc/net/tcp
  copy_file /proc/net/tcp6

  for dir in $SYSCTL_D_DIRS; do
    collect_dir "$dir" '*'
  done
  copy_file /etc/sysctl.conf

  for file in $RC_LOCAL; do
    copy_file "$file"
  done
  collect_ifupdown
  collect_dir "$IFCFG_DIR" 'ifcfg-lo*'
  for dir in $NM_DIRS; do
    collect_dir "$dir" '[!.]*' copy_redacted
  done
  for dir in $NETPLAN_DIRS; do
    collect_dir "$dir" '*.yaml' copy_redacted
  done
  for dir in $NETWORKD_DIRS; do
    collect_dir "$dir" '*.network'
  done
  for dir in $UNIT_WANTS; do
    collect_dir "$dir"
  done

  # TUN: /sys/module lists loaded and built-in modules; only a loaded one has an initstate.
  collect_dir /sys/module
  copy_file /sys/module/ipip/initstate
  for dir in $MODULES_LOAD_DIRS; do
    collect_dir "$dir" '*.conf'
  done
  copy_file /etc/modules
  collect_dir "$IPV6_CONF_DIR" '*' copy_ipv6_conf
}

# copy_ipv4_conf SCOPE_DIR: the four per-interface values the ARP rules read.
copy_ipv4_conf() {
  for key in $IPV4_CONF_KEYS; do
    copy_file "$1/$key"
  done
}

# copy_ipv6_conf SCOPE_DIR: the two values the proxy NDP rule reads.
copy_ipv6_conf() {
  for key in $IPV6_CONF_KEYS; do
    copy_file "$1/$key"
  done
}

# normalize_path PATH: sets REPLY to PATH with `.`, `..` and repeated or trailing slashes resolved
# (posix.resolve), so no `..` reaches a bundle path.
normalize_path() {
  _np=''
  _np_ifs=$IFS
  IFS=/
  set -f
  for _np_part in $1; do
    case $_np_part in
      '' | .) ;;
      ..) _np=${_np%/*} ;;
      *) _np="$_np/$_np_part" ;;
    esac
  done
  set +f
  IFS=$_np_ifs
  REPLY=${_np:-/}
}

# queue_ifupdown PATH: schedules a file pulled in by `source` for reading.
queue_ifupdown() {
  case $1 in
    *"$NL"*) return 0 ;;
  esac
  IFUPDOWN_QUEUE="$IFUPDOWN_QUEUE$1$NL"
}

# queue_ifupdown_part PATH: what ifupdown's source-directory reads (run-parts names: letters,
# digits, `_` and `-` only).
queue_ifupdown_part() {
  case ${1##*/} in
    *[!A-Za-z0-9_-]*) return 0 ;;
  esac
  queue_ifupdown "$1"
}

# /etc/network/interfaces and what it pulls in. The audit resolves each `source`/`source-directory`
# argument against /etc/network, lists its directory and reads the names matching its last
# component (a glob); nested files can source more. The same here, plus what source-directory
# really includes, and /etc/network/interfaces.d whatever the file says.
collect_ifupdown() {
  IFUPDOWN_QUEUE="$IFUPDOWN$NL"
  collect_dir /etc/network/interfaces.d '*'
  _if_rounds=0
  # The bound stops a pathological chain of sources; real configurations nest one or two deep.
  while [ -n "$IFUPDOWN_QUEUE" ] && [ "$_if_rounds" -lt 100 ]; do
    _if_rounds=$((_if_rounds + 1))
    _if_file=${IFUPDOWN_QUEUE%%"$NL"*}
    IFUPDOWN_QUEUE=${IFUPDOWN_QUEUE#*"$NL"}
    seen "ifupdown:$_if_file" && continue
    copy_file "$_if_file"
    if [ ! -f "$_if_file" ] || [ ! -r "$_if_file" ]; then continue; fi
    _if_sources=$(sed -n -e 's/^[[:space:]]*\(source\)[[:space:]][[:space:]]*/\1 /p' \
      -e 's/^[[:space:]]*\(source-directory\)[[:space:]][[:space:]]*/\1 /p' "$_if_file")
    while read -r _if_keyword _if_arg; do
      [ -n "${_if_arg:-}" ] || continue
      case $_if_arg in
        /*) normalize_path "$_if_arg" ;;
        *) normalize_path "/etc/network/$_if_arg" ;;
      esac
      _if_pattern=$REPLY
      _if_dir=${_if_pattern%/*}
      collect_dir "${_if_dir:-/}" "${_if_pattern##*/}" queue_ifupdown
      [ "$_if_keyword" != source-directory ] || collect_dir "$_if_pattern" '*' queue_ifupdown_part
    done <<EOF
$_if_sources
EOF
  done
}

# ---------------------------------------------------------------------------------------------
# Solaris, FreeBSD, macOS (src/collect/unix-commands.ts, src/facts/unix/*)
# ---------------------------------------------------------------------------------------------

collect_solaris() {
  run_command uname uname -a
  run_command ifconfig-a ifconfig -a
  # Solaris 10 has no ipadm: command-missing there, which the audit expects.
  run_command ipadm-show-addr ipadm show-addr -o all
  run_command ipadm-show-prop-hostmodel ipadm show-prop -p hostmodel
  run_command netstat-rn netstat -rn
  run_command netstat-an netstat -an
  # /etc/hostname.lo0:1 and /etc/hostname6.lo0:1; a host name in them is looked up in /etc/inet/hosts.
  collect_dir /etc 'hostname*.lo0*'
  copy_file /etc/inet/hosts
}

collect_freebsd() {
  run_command uname uname -a
  run_command ifconfig-a ifconfig -a
  # FreeBSD 14 renamed the switch; each release answers one name and refuses the other.
  run_command sysctl-check-interface sysctl net.inet.ip.check_interface
  run_command sysctl-rfc1122-strong-es sysctl net.inet.ip.rfc1122_strong_es
  run_command netstat-rn netstat -rn
  run_command netstat-an netstat -an
  for file in $RC_CONF $BSD_SYSCTL_CONF; do
    copy_file "$file"
  done
}

collect_darwin() {
  run_command uname uname -a
  run_command ifconfig-a ifconfig -a
  run_command sysctl-check-interface sysctl net.inet.ip.check_interface
  run_command netstat-rn netstat -rn
  run_command netstat-an netstat -an
  collect_dir "$LAUNCH_DAEMONS" '*.plist' copy_plist
  for file in $BSD_SYSCTL_CONF; do
    copy_file "$file"
  done
}

# ---------------------------------------------------------------------------------------------
# Identity
# ---------------------------------------------------------------------------------------------

# os_release KEY: the value of KEY in /etc/os-release, without quotes (read, never sourced).
os_release() {
  for _or_file in /etc/os-release /usr/lib/os-release; do
    [ -r "$_or_file" ] || continue
    sed -n "s/^$1=//p" "$_or_file" | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\\(.*\\)'\$/\\1/" -e q
    return 0
  done
}

identify() {
  KERNEL_NAME=$(uname -s)
  case $KERNEL_NAME in
    Linux) PLATFORM=linux ;;
    SunOS) PLATFORM=solaris ;;
    FreeBSD) PLATFORM=freebsd ;;
    Darwin) PLATFORM=darwin ;;
    *) die "unsupported system \"$KERNEL_NAME\": this collector knows Linux, SunOS, FreeBSD and Darwin" ;;
  esac
  if command -v hostname >/dev/null 2>&1; then
    HOST=$(hostname 2>/dev/null) || HOST=''
  else
    HOST=''
  fi
  [ -n "$HOST" ] || HOST=$(uname -n)
  KERNEL=$(uname -r)
  if [ "$PLATFORM" = linux ]; then
    DISTRO=$(os_release NAME)
    RELEASE=$(os_release VERSION_ID)
  else
    DISTRO=$KERNEL_NAME
    RELEASE=$KERNEL
  fi
  # Solaris 10's /usr/bin/id has no -u; /usr/xpg4/bin (first in PATH) has.
  UID_NOW=$(id -u 2>/dev/null) || UID_NOW=$(id | sed 's/^uid=\([0-9]*\).*/\1/')
  if [ "$UID_NOW" = 0 ]; then PRIVILEGED=true; else PRIVILEGED=false; fi
  COLLECTED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)

  TIMEOUT=''
  if command -v timeout >/dev/null 2>&1; then TIMEOUT=timeout; fi
  HAS_GNU_STAT=0
  if [ "$PLATFORM" = linux ] && command -v stat >/dev/null 2>&1 && stat -c %a / >/dev/null 2>&1; then HAS_GNU_STAT=1; fi
}

# ---------------------------------------------------------------------------------------------
# Output: temporary name, bundle.json, archive, rename
# ---------------------------------------------------------------------------------------------

# check_out: refuses an existing OUT without -f, and even with -f a directory that is not a
# bundle (so a mistyped -o cannot remove a home directory).
check_out() {
  if [ -e "$OUT" ] || [ -L "$OUT" ]; then
    [ "$FORCE" = 1 ] || die "$OUT already exists; give -f to replace it"
    if [ -d "$OUT" ] && [ ! -L "$OUT" ] && [ ! -f "$OUT/bundle.json" ]; then
      die "$OUT is a directory without a bundle.json; not replacing it, even with -f"
    fi
  fi
}

plan_output() {
  if [ -z "$OUT" ]; then
    _po_host=$(printf '%s' "$HOST" | tr -c 'A-Za-z0-9._-' '_')
    _po_time=$(printf '%s' "$COLLECTED_AT" | tr -d ':-')
    OUT="rsaudit-bundle-${_po_host:-host}-$_po_time.tar.gz"
  fi
  while :; do
    case $OUT in
      ?*/) OUT=${OUT%/} ;;
      *) break ;;
    esac
  done
  case $OUT in
    '' | / | . | ..) die "-o needs a file or directory name, not \"$OUT\"" 2 ;;
    */*) OUT_DIR=${OUT%/*} ;;
    *) OUT_DIR=. ;;
  esac
  [ -n "$OUT_DIR" ] || OUT_DIR=/
  OUT_NAME=${OUT##*/}
  case $OUT_NAME in
    *.tar.gz) ARCHIVE=1 BUNDLE_NAME=${OUT_NAME%.tar.gz} ;;
    *.tgz) ARCHIVE=1 BUNDLE_NAME=${OUT_NAME%.tgz} ;;
    *) ARCHIVE=0 BUNDLE_NAME=$OUT_NAME ;;
  esac
  # The archive's one top-level folder; tar would read a leading `-` as an option.
  case $BUNDLE_NAME in
    '') BUNDLE_NAME=rsaudit-bundle ;;
    -*) BUNDLE_NAME=_$BUNDLE_NAME ;;
  esac
  [ -d "$OUT_DIR" ] || die "$OUT_DIR does not exist"
  check_out

  # Built next to OUT so the final mv is a rename on the same file system.
  WORK=$OUT_DIR/.rsaudit-collect.$$
  mkdir "$WORK" || die "cannot create $WORK"
  trap 'rm -rf "$WORK"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  mkdir "$WORK/stage" "$WORK/parts" "$WORK/stage/$BUNDLE_NAME" || die "cannot write in $WORK"
  STAGE=$WORK/stage/$BUNDLE_NAME
  PARTS=$WORK/parts
  mkdir "$STAGE/commands" "$STAGE/files" || die "cannot write in $STAGE"
  : >"$PARTS/commands"
  : >"$PARTS/files"
  : >"$PARTS/dirs"
}

# json_list NAME: "NAME": [ the entries of PARTS/NAME, comma-separated ].
json_list() {
  if [ -s "$PARTS/$1" ]; then
    printf '  "%s": [\n' "$1"
    sed -e 's/^/    /' -e '$!s/$/,/' "$PARTS/$1"
    printf '  ]'
  else
    printf '  "%s": []' "$1"
  fi
}

write_bundle_json() {
  {
    printf '{\n'
    printf '  "format": "rsaudit-bundle",\n'
    printf '  "formatVersion": 1,\n'
    printf '  "platform": "%s",\n' "$PLATFORM"
    jstr "$HOST"
    printf '  "hostname": %s,\n' "$REPLY"
    jstr "$DISTRO"
    _wb_distro=$REPLY
    jstr "$RELEASE"
    _wb_release=$REPLY
    jstr "$KERNEL"
    printf '  "os": {"distro": %s, "release": %s, "kernel": %s},\n' "$_wb_distro" "$_wb_release" "$REPLY"
    printf '  "collectedAt": "%s",\n' "$COLLECTED_AT"
    printf '  "collector": {"name": "collect.sh", "version": "%s"},\n' "$VERSION"
    printf '  "privileged": %s,\n' "$PRIVILEGED"
    printf '  "encoding": "utf-8",\n'
    json_list commands
    printf ',\n'
    json_list files
    printf ',\n'
    json_list dirs
    printf '\n}\n'
  } >"$STAGE/bundle.json" || die "cannot write $STAGE/bundle.json"
}

finish() {
  if [ "$ARCHIVE" = 1 ]; then
    # tar then gzip, not tar -z: Solaris and old BSD tar have no -z.
    (cd "$WORK/stage" && tar -cf ../bundle.tar "$BUNDLE_NAME") || die "tar failed"
    gzip -n "$WORK/bundle.tar" || die "gzip failed"
    _fi_result=$WORK/bundle.tar.gz
  else
    _fi_result=$STAGE
  fi
  check_out
  if [ -e "$OUT" ] || [ -L "$OUT" ]; then
    rm -rf "$OUT" || die "cannot replace $OUT"
  fi
  mv "$_fi_result" "$OUT" || die "cannot move the bundle to $OUT"
  printf '%s\n' "$(cd "$OUT_DIR" && pwd)/$OUT_NAME"
}

main() {
  parse_args "$@"
  identify
  plan_output
  case $PLATFORM in
    linux) collect_linux ;;
    solaris) collect_solaris ;;
    freebsd) collect_freebsd ;;
    darwin) collect_darwin ;;
  esac
  write_bundle_json
  finish
}

main "$@"
