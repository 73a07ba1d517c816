/** Vega-Lite spec → SVG string, headless (vega's 'none' renderer; no canvas or browser needed). */
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { VegaLiteSpec } from '../claims/claim.ts';

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  // Vega-Lite's spec warnings would interleave with the live table; only errors are reported.
  const compiled = vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec, { logger: vega.logger(vega.Error) }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
