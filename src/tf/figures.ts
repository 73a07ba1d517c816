/** Vega-Lite specs for the TensorFlow.js claims (inline data; the report renders them to SVG). */
import type { Figure } from '../claims/claim.ts';

export function lineFigure(name: string, title: string, values: Record<string, unknown>[], x: string, y: string, color: string, facet?: string): Figure {
  const spec: Record<string, unknown> = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: x, type: 'quantitative' },
      y: { field: y, type: 'quantitative', scale: { zero: false } },
      color: { field: color, type: 'nominal' },
      ...(facet ? { column: { field: facet, type: 'nominal' } } : {}),
    },
  };
  return { name, title, spec };
}

export function pointFigure(name: string, title: string, values: Record<string, unknown>[], x: string, y: string, color: string): Figure {
  return {
    name, title,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      data: { values },
      mark: { type: 'point', filled: true },
      encoding: { x: { field: x, type: 'nominal' }, y: { field: y, type: 'quantitative', scale: { zero: false } }, color: { field: color, type: 'nominal' } },
    },
  };
}
