#!/usr/bin/env bash
# Re-create src/eventwire/web/static/vendor/ from exact npm versions, each with its licence.
#
# The web app must work with no internet, so every script, style and map outline it uses is
# committed under static/vendor/<package>/. This script is how those files were made: it packs
# each pinned version from the npm registry into a temporary folder, checks the tarball against
# the registry's sha512 integrity recorded below (as a package-lock.json would), and copies the
# files the pages load plus the package's LICENSE. Run it after changing a pin, then commit.
set -euo pipefail
cd "$(dirname "$0")/.."

VENDOR=src/eventwire/web/static/vendor
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# package@version  integrity (npm view PKG@VERSION dist.integrity)
PINS=(
    "leaflet@1.9.4 sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA=="
    "world-atlas@2.0.2 sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
    "topojson-client@3.1.0 sha512-605uxS6bcYxGXw9qi62XyrV6Q3xwbndjachmNxu8HWTtVPxZfEJN9fd/SZS1Q54Sn2y0TMyMxFj/cJINqGHrKw=="
    "d3@7.9.0 sha512-e1U46jVP+w7Iut8Jt8ri1YsPOvFpg46k+K8TpCb0P+zjCkjkPnV7WzfDJzMHy1LnA+wj5pLT1wjO901gLXeEhA=="
)

# What each package contributes, relative to its package/ folder (LICENSE is always copied).
files_of() {
    case "$1" in
        leaflet) echo "dist/leaflet.js dist/leaflet.css" ;;
        world-atlas) echo "countries-110m.json" ;;
        topojson-client) echo "dist/topojson-client.min.js" ;;
        d3) echo "dist/d3.min.js" ;;
        *) echo "unknown package $1" >&2; exit 1 ;;
    esac
}

rm -rf "$VENDOR"
mkdir -p "$VENDOR"
for pin in "${PINS[@]}"; do
    read -r spec integrity <<<"$pin"
    name=${spec%@*}
    tarball=$(cd "$WORK" && npm pack --silent "$spec")
    actual="sha512-$(openssl dgst -sha512 -binary "$WORK/$tarball" | base64 -w0)"
    if [[ "$actual" != "$integrity" ]]; then
        echo "$spec: integrity mismatch: expected $integrity, got $actual" >&2
        exit 1
    fi
    mkdir -p "$WORK/$name"
    tar -xzf "$WORK/$tarball" -C "$WORK/$name"
    mkdir -p "$VENDOR/$name"
    for file in $(files_of "$name") LICENSE; do
        cp "$WORK/$name/package/$file" "$VENDOR/$name/$(basename "$file")"
    done
    echo "$spec" >"$VENDOR/$name/VERSION"
    echo "vendored $spec"
done
