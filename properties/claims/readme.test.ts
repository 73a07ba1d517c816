import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { readmeWithTable } from '../../ci/readme-claims.ts';

test('the README claims table is current (npm run readme:claims)', () => {
  const text = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  expect(readmeWithTable(text)).toBe(text);
});
