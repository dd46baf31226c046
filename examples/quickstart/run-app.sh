#!/bin/sh
# The "app" of cdk.json: builds the app (progress on stderr, so that the CDK CLI shows it), then
# runs the binary, which reads the CLI's context ($CDK_CONTEXT_JSON) and writes the cloud
# assembly into $CDK_OUTDIR.
set -e
cd "$(dirname "$0")"
cargo build --release --quiet >&2
exec "${CARGO_TARGET_DIR:-target}/release/quickstart" "$@"
