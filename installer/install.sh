#!/usr/bin/env bash
# Veil installer for Linux: installs build dependencies, builds the native host (Release),
# installs `veil` with its rules and the unpacked extension, registers the native-messaging
# host manifest with every Chrome-family browser found, and checks the result by speaking
# the real protocol to the installed host. Safe to run twice; --uninstall undoes it.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST_NAME="com.veil.host"
BROWSERS=(chrome chromium brave edge vivaldi)

usage() {
  cat <<'USAGE'
Usage: installer/install.sh [options]

  --prefix DIR          install under DIR (default ~/.local; --system: /usr/local)
  --system              install for every user: /usr/local and the system manifest folders
                        (/etc/opt/chrome/native-messaging-hosts, /etc/chromium/...)
  --user-data-dir DIR   also register the host for a browser profile started with
                        --user-data-dir DIR (writes DIR/NativeMessagingHosts/); repeatable
  --manifest-only       only write manifests (no packages, build or copy); with --host-path
  --host-path PATH      the veil binary the manifests point at (default PREFIX/bin/veil)
  --no-deps             do not install packages (they are already there)
  --skip-selfcheck      do not run the protocol self-check at the end
  --launch              afterwards start Chromium with the extension on a demo page
  --uninstall           remove everything this installer installed
  --purge-data          with --uninstall: also delete the vault data (asks first)
  --yes                 answer yes to questions (non-interactive)
  -h, --help            this text
USAGE
}

PREFIX=""
SYSTEM=0
UDDS=()
MANIFEST_ONLY=0
HOST_PATH=""
NO_DEPS=0
SELFCHECK=1
LAUNCH=0
UNINSTALL=0
PURGE=0
YES=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) PREFIX="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) PREFIX="${1#*=}"; shift ;;
    --system) SYSTEM=1; shift ;;
    --user-data-dir) UDDS+=("${2:?--user-data-dir needs a folder}"); shift 2 ;;
    --user-data-dir=*) UDDS+=("${1#*=}"); shift ;;
    --manifest-only) MANIFEST_ONLY=1; shift ;;
    --host-path) HOST_PATH="${2:?--host-path needs a path}"; shift 2 ;;
    --host-path=*) HOST_PATH="${1#*=}"; shift ;;
    --no-deps) NO_DEPS=1; shift ;;
    --skip-selfcheck) SELFCHECK=0; shift ;;
    --launch) LAUNCH=1; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    --purge-data) PURGE=1; shift ;;
    --yes|-y) YES=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

STEP=0
step() { STEP=$((STEP + 1)); printf '\n[%d] %s\n' "$STEP" "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf '\nveil install: FAILED: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; if [[ $rc -ne 0 && $rc -ne 2 ]]; then printf "\nveil install: stopped at step %d (exit %d). Fix the message above and run the installer again; it is safe to re-run.\n" "$STEP" "$rc" >&2; fi' EXIT

SUDO=""
if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi
# Runs a command as root when needed (system install, packages).
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif [[ -n "$SUDO" ]]; then sudo "$@"
  else die "this step needs root and sudo is not installed: run as root or install sudo"
  fi
}

if [[ -z "$PREFIX" ]]; then
  if [[ $SYSTEM -eq 1 ]]; then PREFIX=/usr/local; else PREFIX="$HOME/.local"; fi
fi
PREFIX="$(realpath -m "$PREFIX")"
BIN_DIR="$PREFIX/bin"
LIB_DIR="$PREFIX/lib/veil"
RECORD="$LIB_DIR/installed-manifests.txt"
[[ -n "$HOST_PATH" ]] || HOST_PATH="$BIN_DIR/veil"
# Files under a system prefix belong to root.
PRIV=""
if [[ $SYSTEM -eq 1 || ! -w "$(realpath -m "$PREFIX/..")" && ! -w "$PREFIX" ]]; then
  [[ $EUID -eq 0 ]] || PRIV="as_root"
fi
run_priv() { if [[ -n "$PRIV" ]]; then as_root "$@"; else "$@"; fi; }

# A browser counts as found when its per-user config folder or its binary exists.
browser_found() {
  local cfg bins
  case "$1" in
    chrome)   cfg="$HOME/.config/google-chrome"; bins="google-chrome google-chrome-stable" ;;
    chromium) cfg="$HOME/.config/chromium"; bins="chromium chromium-browser" ;;
    brave)    cfg="$HOME/.config/BraveSoftware/Brave-Browser"; bins="brave-browser brave" ;;
    edge)     cfg="$HOME/.config/microsoft-edge"; bins="microsoft-edge microsoft-edge-stable" ;;
    vivaldi)  cfg="$HOME/.config/vivaldi"; bins="vivaldi vivaldi-stable" ;;
  esac
  [[ -d "$cfg" ]] && return 0
  local b
  for b in $bins; do command -v "$b" >/dev/null 2>&1 && return 0; done
  [[ "$1" == chrome && -x /opt/google/chrome/chrome ]] && return 0
  return 1
}

extension_id() {
  local f="$REPO_ROOT/extension/EXTENSION_ID"
  [[ -f "$f" ]] || f="$LIB_DIR/extension/EXTENSION_ID"
  [[ -f "$f" ]] || die "extension/EXTENSION_ID is missing: the extension's stable ID (32 letters a-p) is needed for allowed_origins"
  local id
  id="$(head -n1 "$f" | tr -d '[:space:]')"
  [[ "$id" =~ ^[a-p]{32}$ ]] || die "$f does not hold a valid extension ID (32 letters a-p): '$id'"
  printf '%s' "$id"
}

# Writes (or removes) one manifest through the veil binary, so locations are the tested table.
manifest_args_for() { # browser|udd:DIR
  case "$1" in
    udd:*) printf '%s\n' --user-data-dir "${1#udd:}" ;;
    *) printf '%s\n' --browser "$1"; [[ $SYSTEM -eq 1 ]] && printf '%s\n' --system; true ;;
  esac
}

write_manifests() {
  local id="$1" targets=() t out
  for b in "${BROWSERS[@]}"; do
    if [[ $SYSTEM -eq 1 ]] || browser_found "$b"; then targets+=("$b"); else info "skip $b (not found)"; fi
  done
  for d in "${UDDS[@]}"; do targets+=("udd:$(realpath -m "$d")"); done
  [[ ${#targets[@]} -gt 0 ]] || info "no Chrome-family browser found: install one, then run this installer again"
  for t in "${targets[@]}"; do
    mapfile -t margs < <(manifest_args_for "$t")
    local writer=()
    [[ $SYSTEM -eq 1 && "$t" != udd:* && $EUID -ne 0 ]] && writer=(as_root)
    out="$("${writer[@]}" "$HOST_PATH" install-manifest "${margs[@]}" --host-path "$HOST_PATH" --extension-id "$id")" \
      || die "could not write the manifest for ${t#udd:}"
    info "$t: $out"
    local path="${out#wrote }"
    if [[ $MANIFEST_ONLY -eq 0 ]] && ! grep -qxF "$path" "$RECORD" 2>/dev/null; then
      printf '%s\n' "$path" | run_priv tee -a "$RECORD" >/dev/null
    fi
  done
}

data_dir() {
  if [[ -n "${VEIL_HOME:-}" ]]; then printf '%s' "$VEIL_HOME"
  elif [[ -n "${XDG_DATA_HOME:-}" ]]; then printf '%s/veil' "$XDG_DATA_HOME"
  else printf '%s/.local/share/veil' "$HOME"; fi
}
cache_dir() {
  if [[ -n "${VEIL_CACHE_DIR:-}" ]]; then printf '%s' "$VEIL_CACHE_DIR"
  elif [[ -n "${XDG_CACHE_HOME:-}" ]]; then printf '%s/veil' "$XDG_CACHE_HOME"
  else printf '%s/.cache/veil' "$HOME"; fi
}

confirm() {
  [[ $YES -eq 1 ]] && return 0
  if [[ ! -t 0 ]]; then echo "    (no terminal to ask; pass --yes to confirm)"; return 1; fi
  local answer
  read -r -p "    $1 [y/N] " answer
  [[ "$answer" == y || "$answer" == Y || "$answer" == yes ]]
}

# ---------------------------------------------------------------- uninstall
if [[ $UNINSTALL -eq 1 ]]; then
  echo "Veil uninstall (prefix $PREFIX)"
  step "Removing native-messaging manifests"
  if [[ -f "$RECORD" ]]; then
    while IFS= read -r path; do
      [[ -n "$path" && -f "$path" ]] || continue
      if grep -q "\"$HOST_NAME\"" "$path"; then
        if [[ -w "$(dirname "$path")" ]]; then rm -f "$path"; else as_root rm -f "$path"; fi
        info "removed $path"
      fi
    done < "$RECORD"
  fi
  if [[ -x "$BIN_DIR/veil" ]]; then
    for b in "${BROWSERS[@]}"; do
      sys=(); [[ $SYSTEM -eq 1 ]] && sys=(--system)
      if [[ $SYSTEM -eq 1 && $EUID -ne 0 ]]; then
        as_root "$BIN_DIR/veil" install-manifest --browser "$b" "${sys[@]}" --remove >/dev/null || true
      else
        "$BIN_DIR/veil" install-manifest --browser "$b" "${sys[@]}" --remove >/dev/null || true
      fi
    done
    for d in "${UDDS[@]}"; do "$BIN_DIR/veil" install-manifest --user-data-dir "$d" --remove || true; done
  fi
  step "Removing $BIN_DIR/veil and $LIB_DIR"
  run_priv rm -f "$BIN_DIR/veil"
  run_priv rm -rf "$LIB_DIR"
  if [[ $PURGE -eq 1 ]]; then
    step "Deleting the vault data"
    DATA="$(data_dir)"; CACHE="$(cache_dir)"
    if [[ -e "$DATA" || -e "$CACHE" ]]; then
      if confirm "Delete $DATA and $CACHE (all stored placeholder maps)?"; then
        rm -rf "$DATA" "$CACHE"
        if command -v secret-tool >/dev/null 2>&1; then secret-tool clear application veil 2>/dev/null || true; fi
        info "deleted"
      else
        info "kept $DATA"
      fi
    else
      info "no data at $DATA"
    fi
  else
    info "vault data kept at $(data_dir) (use --purge-data to delete it)"
  fi
  echo
  echo "Veil is uninstalled. Remove the extension in chrome://extensions if you loaded it."
  exit 0
fi

# ---------------------------------------------------------------- manifest-only
if [[ $MANIFEST_ONLY -eq 1 ]]; then
  [[ -x "$HOST_PATH" ]] || die "no veil binary at $HOST_PATH (pass --host-path)"
  step "Writing native-messaging manifests for $HOST_PATH"
  write_manifests "$(extension_id)"
  exit 0
fi

echo "Veil installer: prefix $PREFIX$([[ $SYSTEM -eq 1 ]] && echo ' (system-wide)')"

# ---------------------------------------------------------------- 1. packages
DEBIAN_PACKAGES=(build-essential cmake ninja-build pkg-config python3
  libicu-dev nlohmann-json3-dev libsqlitecpp-dev libsqlite3-dev libsodium-dev
  libphonenumber-dev libboost-thread-dev libprotobuf-dev libabsl-dev libsecret-1-dev)
case "$(dpkg --print-architecture 2>/dev/null || uname -m)" in
  amd64|x86_64) DEBIAN_PACKAGES+=(libhyperscan-dev) ;;
  *) DEBIAN_PACKAGES+=(libvectorscan-dev) ;;
esac

step "Installing build dependencies"
if [[ $NO_DEPS -eq 1 ]]; then
  info "skipped (--no-deps)"
elif command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    info "all packages present"
  else
    info "apt-get install ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      || die "apt-get install failed for: ${missing[*]}"
  fi
else
  cat <<'OTHER'
    This is not a Debian/Ubuntu system; install these packages yourself, then re-run with --no-deps:
      Fedora:  sudo dnf install gcc-c++ cmake ninja-build pkgconf-pkg-config python3 hyperscan-devel \
               libicu-devel json-devel sqlitecpp-devel libsodium-devel libphonenumber-devel \
               boost-devel protobuf-devel abseil-cpp-devel libsecret-devel
      Arch:    sudo pacman -S --needed base-devel cmake ninja pkgconf python hyperscan icu nlohmann-json \
               sqlitecpp libsodium libphonenumber boost protobuf abseil-cpp libsecret
      macOS:   brew install cmake ninja pkg-config vectorscan icu4c nlohmann-json sqlitecpp libsodium \
               libphonenumber boost protobuf abseil
               (then see docs/INSTALL.md: the macOS manifest folders are written with
               `veil install-manifest --os macos --print`)
OTHER
  die "cannot install packages automatically here"
fi

# ---------------------------------------------------------------- 2-3. build
BUILD_DIR="$REPO_ROOT/build-release"
step "Configuring a Release build in $BUILD_DIR"
command -v cmake >/dev/null || die "cmake is not installed"
command -v ninja >/dev/null || die "ninja is not installed (package ninja-build)"
cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DVEIL_BUILD_TESTS=OFF \
  > "$BUILD_DIR.configure.log" 2>&1 || { tail -n 30 "$BUILD_DIR.configure.log" >&2; die "cmake configure failed (log: $BUILD_DIR.configure.log)"; }
info "ok"

step "Building veil"
JOBS="${VEIL_JOBS:-$(nproc 2>/dev/null || echo 2)}"
cmake --build "$BUILD_DIR" --target veil -j "$JOBS" > "$BUILD_DIR.build.log" 2>&1 \
  || { tail -n 40 "$BUILD_DIR.build.log" >&2; die "the build failed (log: $BUILD_DIR.build.log)"; }
BUILT="$BUILD_DIR/native_host/veil"
[[ -x "$BUILT" ]] || die "the build produced no $BUILT"
info "built $("$BUILT" --version)"

# ---------------------------------------------------------------- 4. install files
step "Installing veil to $BIN_DIR and support files to $LIB_DIR"
ID="$(extension_id)"
run_priv mkdir -p "$BIN_DIR" "$LIB_DIR"
run_priv install -m 0755 "$BUILT" "$BIN_DIR/veil.new"
run_priv mv -f "$BIN_DIR/veil.new" "$BIN_DIR/veil"
for part in rules extension; do
  src="$REPO_ROOT/shared_rules"; [[ $part == extension ]] && src="$REPO_ROOT/extension"
  [[ -d "$src" ]] || die "missing $src"
  run_priv rm -rf "$LIB_DIR/$part.new"
  run_priv cp -R "$src" "$LIB_DIR/$part.new"
  run_priv rm -rf "$LIB_DIR/$part"
  run_priv mv "$LIB_DIR/$part.new" "$LIB_DIR/$part"
done
run_priv chmod -R a+rX "$LIB_DIR"
run_priv touch "$RECORD"
info "veil -> $BIN_DIR/veil"
case ":$PATH:" in *":$BIN_DIR:"*) ;; *) info "note: $BIN_DIR is not on your PATH" ;; esac

# ---------------------------------------------------------------- 5. manifests
step "Registering $HOST_NAME with the browsers (extension ID $ID)"
write_manifests "$ID"

# ---------------------------------------------------------------- 6. self-check
if [[ $SELFCHECK -eq 1 ]]; then
  step "Self-check: hello, anonymize and restore through the installed host"
  command -v python3 >/dev/null || die "python3 is needed for the self-check"
  python3 "$REPO_ROOT/installer/selfcheck.py" --host "$HOST_PATH" --extension-id "$ID" \
    || die "the self-check failed: the installed host did not answer correctly (run it by hand: python3 installer/selfcheck.py --host $HOST_PATH -v)"
fi

# ---------------------------------------------------------------- 7. next steps
step "Load the extension"
cat <<NEXT
    1. Open chrome://extensions (edge://extensions, brave://extensions, vivaldi://extensions).
    2. Turn on "Developer mode" (top right).
    3. Click "Load unpacked" and pick this folder:
         $LIB_DIR/extension
    4. Check that its ID is $ID.
    Branded Google Chrome 137 and later ignore --load-extension: use the steps above there.
    Then open ChatGPT and paste a customer email: names and numbers become [NAME_1], [PHONE_1], ...
NEXT

if [[ $LAUNCH -eq 1 ]]; then
  step "Launching Chromium with the extension on the demo page"
  CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
  [[ -n "$CHROMIUM" ]] || die "Chromium is not installed (apt-get install chromium)"
  command -v openssl >/dev/null || die "openssl is needed for the demo page's certificate"
  PROFILE="$(mktemp -d "${TMPDIR:-/tmp}/veil-demo-profile.XXXXXX")"
  "$HOST_PATH" install-manifest --user-data-dir "$PROFILE" --host-path "$HOST_PATH" --extension-id "$ID" >/dev/null
  # The demo page is served locally under the Copilot address, in this throw-away profile only.
  exec 3< <(exec python3 "$REPO_ROOT/installer/demo/serve.py")
  SERVER_PID=$!
  read -r -t 20 PORT <&3 || die "the demo server did not start"
  info "profile $PROFILE, demo server on 127.0.0.1:$PORT"
  nohup "$CHROMIUM" --user-data-dir="$PROFILE" --no-first-run --ignore-certificate-errors \
    --host-resolver-rules="MAP copilot.microsoft.com:443 127.0.0.1:$PORT" \
    --load-extension="$LIB_DIR/extension" "https://copilot.microsoft.com/chats/veil-demo" >/dev/null 2>&1 &
  info "Chromium started (pid $!); close it, then stop the demo server with: kill $SERVER_PID"
fi
echo
echo "Veil is installed."
