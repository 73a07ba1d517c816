/** Writes the report directory: report.json, report.md, junit.xml and figures/*.svg. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from './report.ts';
import { figureFile, renderMarkdown } from './markdown.ts';
import { writeJunit } from './junit.ts';
import { renderSvg } from './svg.ts';

export async function writeReportDir(report: Report, dir: string, junitFile?: string): Promise<string[]> {
  // Figures of an earlier run in the same directory would be mistaken for this run's.
  await rm(path.join(dir, 'figures'), { recursive: true, force: true });
  await mkdir(path.join(dir, 'figures'), { recursive: true });
  const written: string[] = [];
  for (const r of report.results) {
    for (const f of r.figures ?? []) {
      const file = path.join(dir, figureFile(r.id, f.name));
      try {
        await writeFile(file, await renderSvg({ title: f.title, ...f.spec }));
        written.push(file);
      } catch (e) {
        // A figure that fails to render is reported, never fatal: the claim's verdict stands.
        await writeFile(file.replace(/\.svg$/, '.error.txt'), `figure ${f.name} of ${r.id} failed to render: ${(e as Error).message}\n`);
      }
    }
  }
  const json = path.join(dir, 'report.json');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(dir, 'report.md'), renderMarkdown(report));
  writeJunit(report, junitFile ?? path.join(dir, 'junit.xml'));
  written.push(json, path.join(dir, 'report.md'), junitFile ?? path.join(dir, 'junit.xml'));
  return written;
}
