#!/usr/bin/env bash
# Install / verify the toolchains that compile openapi-modelgen's generated output:
#   Rust   (rustup cargo in ~/.cargo/bin; crates come from crates.io at build time)
#   Elixir (Debian: elixir + erlang-dialyzer + erlang-jiffy; no Hex)
#   Scala  (Java >= 17 + Maven; Scala 3 and JSON libs come from Maven Central at build time)
#   Node   (node + npm, for the TypeScript side; checked only)
#
# Idempotent: installs only what is missing; `apt-get update` runs only when an apt package is missing.
# With CI=true every toolchain that cannot be installed or found is a hard error (exit 1).
# Outside CI a missing toolchain is reported as a warning and the script goes on.
#
# Usage:
#   scripts/install-toolchains.sh                 # check + install everything
#   scripts/install-toolchains.sh rust elixir     # only these (any of: rust elixir scala node)
#   eval "$(scripts/install-toolchains.sh --print-env)"   # also export PATH for the calling shell
# The script cannot change its caller's PATH; with --print-env it writes `export PATH=...` on stdout
# (all messages go to stderr then). Otherwise the summary line goes to stdout.
set -euo pipefail

print_env=false
want=()
for arg in "$@"; do
  case "$arg" in
    --print-env) print_env=true ;;
    rust|elixir|scala|node) want+=("$arg") ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "install-toolchains: unknown argument '$arg' (expected rust|elixir|scala|node|--print-env)" >&2; exit 64 ;;
  esac
done
((${#want[@]})) || want=(rust elixir scala node)
wants() { local w; for w in "${want[@]}"; do [[ "$w" == "$1" ]] && return 0; done; return 1; }

strict=false
[[ "${CI:-}" == "true" || "${CI:-}" == "1" ]] && strict=true

log() { echo "install-toolchains: $*" >&2; }
failures=()
fail() {
  # A toolchain is missing/unusable: fatal under CI, a warning otherwise (collected, reported at the end).
  failures+=("$1")
  log "ERROR: $1"
}

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); else SUDO=(false); fi
fi

# ---------- apt helpers ----------
apt_updated=false
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
apt_install() {
  # apt_install PKG... : installs those of PKG that are not installed yet; returns non-zero on failure.
  local need=() p
  for p in "$@"; do pkg_installed "$p" || need+=("$p"); done
  ((${#need[@]})) || return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    log "apt-get not available; cannot install: ${need[*]}"
    return 1
  fi
  log "apt: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $apt_updated; then
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq >&2 || { log "apt-get update failed"; return 1; }
    apt_updated=true
  fi
  # 'debconf: delaying package configuration, since apt-utils is not installed' is harmless.
  local aptlog; aptlog=$(mktemp)
  if ! "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need[@]}" >"$aptlog" 2>&1; then
    cat "$aptlog" >&2; rm -f "$aptlog"; return 1
  fi
  rm -f "$aptlog"
}

# version_ge A B : true when dotted version A >= B
version_ge() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]; }

summary=()

# ---------- Rust ----------
if wants rust; then
  # rustup installs into $CARGO_HOME/bin (default ~/.cargo/bin); CI's HOME may differ, so /root/.cargo/bin too.
  cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  for d in "$cargo_bin" "$HOME/.cargo/bin" /root/.cargo/bin; do
    if [[ -x "$d/cargo" ]]; then
      cargo_bin=$d
      case ":$PATH:" in *":$d:"*) ;; *) export PATH="$d:$PATH" ;; esac
      break
    fi
  done
  # rustup's proxies also need their toolchain dir (RUSTUP_HOME, default ~/.rustup) when HOME differs.
  if [[ -z "${RUSTUP_HOME:-}" && ! -d "$HOME/.rustup/toolchains" && "$cargo_bin" == /root/.cargo/bin && -d /root/.rustup ]]; then
    export RUSTUP_HOME=/root/.rustup
  fi
  if command -v cargo >/dev/null 2>&1 && rustc_out=$(rustc --version 2>&1) && cargo_out=$(cargo --version 2>&1); then
    rustc_v=$(awk '{print $2}' <<<"$rustc_out")
    cargo_v=$(awk '{print $2}' <<<"$cargo_out")
    # Cargo.toml's [lints] table needs cargo >= 1.74; Debian bookworm's cargo (0.66 / rustc 1.63) is too old,
    # and rustup's own downloads (static.rust-lang.org) are not reachable here, so there is no fallback install.
    if version_ge "$rustc_v" "1.74.0"; then
      summary+=("rustc $rustc_v, cargo $cargo_v")
    else
      fail "rustc $rustc_v is too old (need >= 1.74 for Cargo [lints]); install a rustup toolchain into $cargo_bin"
    fi
  elif command -v cargo >/dev/null 2>&1; then
    fail "cargo is on PATH ($(command -v cargo)) but does not run: $(rustc --version 2>&1 | head -n1)"
  else
    fail "cargo/rustc not found (looked in PATH, \$CARGO_HOME/bin, \$HOME/.cargo/bin, /root/.cargo/bin): install Rust >= 1.74 with rustup"
  fi
fi

# ---------- Elixir / Erlang ----------
if wants elixir; then
  # elixir pulls erlang-base, -crypto, -inets, -parsetools, -public-key, -tools; mix compile/test need nothing else
  # (no erlang-dev, no Hex). erlang-jiffy pulls erlang-xmerl + erlang-proper; dialyzer pulls erlang-syntax-tools.
  if ! apt_install elixir erlang-dialyzer erlang-jiffy; then
    fail "apt could not install elixir erlang-dialyzer erlang-jiffy"
  fi
  if command -v elixir >/dev/null 2>&1 && command -v mix >/dev/null 2>&1 && command -v dialyzer >/dev/null 2>&1; then
    # one VM start: checks jiffy loads (its NIF too) and reads the versions
    if ex_out=$(elixir -e '
        {:ok, _} = Application.ensure_all_started(:jiffy)
        %{"a" => nil} = :jiffy.decode(~s({"a":null}), [:return_maps, {:null_term, nil}])
        jv = Application.spec(:jiffy, :vsn)
        IO.puts("#{System.version()} #{:erlang.system_info(:otp_release)} #{:erlang.system_info(:version)} #{jv}")' 2>/dev/null); then
      read -r ex_v otp_v erts_v jiffy_v <<<"$(tail -n1 <<<"$ex_out")"
      dia_v=$(dialyzer --version 2>/dev/null | awk '{print $NF}')
      summary+=("elixir $ex_v, OTP $otp_v (erts $erts_v), dialyzer ${dia_v#v}, jiffy $jiffy_v")
    else
      fail "elixir is installed but :jiffy does not load (is erlang-jiffy installed for this OTP?)"
    fi
  else
    fail "elixir/mix/dialyzer not found after apt install"
  fi
fi

# ---------- Java + Maven (Scala 3 comes from Maven Central) ----------
if wants scala; then
  java_ok=false
  if command -v java >/dev/null 2>&1; then
    java_v=$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
    version_ge "${java_v:-0}" "17" && java_ok=true
  fi
  if ! $java_ok; then
    apt_install openjdk-17-jdk-headless || true
    if command -v java >/dev/null 2>&1; then
      java_v=$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
      version_ge "${java_v:-0}" "17" && java_ok=true
    fi
  fi
  command -v mvn >/dev/null 2>&1 || apt_install maven || true
  if ! $java_ok; then
    fail "Java >= 17 not found and openjdk-17-jdk-headless could not be installed"
  elif ! command -v mvn >/dev/null 2>&1; then
    fail "mvn not found and the Debian maven package could not be installed"
  else
    mvn_v=$(mvn -v 2>/dev/null | sed -e 's/\x1b\[[0-9;]*m//g' | awk '/^Apache Maven/ {print $3; exit}')
    summary+=("java $java_v, maven $mvn_v")
  fi
fi

# ---------- Node (TypeScript side; typescript itself comes from package.json) ----------
if wants node; then
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    summary+=("node $(node --version | tr -d v), npm $(npm --version 2>/dev/null)")
  else
    apt_install nodejs npm || true
    if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
      summary+=("node $(node --version | tr -d v), npm $(npm --version 2>/dev/null)")
    else
      fail "node/npm not found and could not be installed"
    fi
  fi
fi

join() { local out="" x; for x in "$@"; do out+="${out:+ | }$x"; done; printf '%s' "$out"; }
line="toolchains: $(join "${summary[@]}")"
if ((${#failures[@]})); then
  line+=" || MISSING: $(join "${failures[@]}")"
fi
if $print_env; then
  echo "$line" >&2
  printf 'export PATH=%q\n' "$PATH"
  if [[ -n "${RUSTUP_HOME:-}" ]]; then printf 'export RUSTUP_HOME=%q\n' "$RUSTUP_HOME"; fi
else
  echo "$line"
fi

if ((${#failures[@]})); then
  if $strict; then
    log "CI=true and ${#failures[@]} toolchain(s) are missing: failing (see ERROR lines above)"
    exit 1
  fi
  log "WARNING: ${#failures[@]} toolchain(s) missing (not fatal because CI is not 'true')"
fi
exit 0
