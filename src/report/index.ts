export * from './report.ts';
export { renderMarkdown, figureFile } from './markdown.ts';
export { writeJunit } from './junit.ts';
export { renderSvg } from './svg.ts';
export { writeReportDir } from './write.ts';
