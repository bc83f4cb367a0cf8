/**
 * Charts drawn by Apache ECharts on the backend as SVG (its server-side rendering), the same
 * picture for the screen and the PDF. ECharts is loaded on the first chart only, so the command
 * line and the web host start without it.
 * The SVG is made safe to place inline under the renderer's CSP (no style attributes or
 * elements: presentation attributes instead) and for svg-to-pdfkit (which reads those), with
 * ids of its own so that several charts can share a page.
 */
import type { EChartsOption } from 'echarts';
import { textWidth } from '../pdf/render';

type ECharts = typeof import('echarts');
let loaded: ECharts | null = null;
async function echarts(): Promise<ECharts> {
  if (!loaded) {
    loaded = await import('echarts');
    // Without a canvas ECharts guesses text widths, and labels then overlap what is next to them.
    loaded.setPlatformAPI({ measureText: (text, font) => ({ width: measureText(text, font) }) });
  }
  return loaded;
}

/** A CSS font ("bold 10px Serif") measured with the document's font; a sans-serif as Arial-wide (about 12 % wider than Times). */
export function measureText(text: string, font = '12px sans-serif'): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const bold = /\bbold\b|\b[6-9]00\b/.test(font);
  const serif = /\bSerif\b|Times|Tinos/i.test(font) && !/sans-serif/i.test(font);
  return textWidth(text, size, bold) * (serif ? 1 : 1.12);
}

let serial = 0;

export interface SvgSize {
  width: number;
  height: number;
}

export async function renderChartSvg(option: EChartsOption, size: SvgSize): Promise<string> {
  const e = await echarts();
  const chart = e.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, ...option });
    return cleanSvg(chart.renderToSVGString(), `c${++serial}-`);
  } finally {
    chart.dispose();
  }
}

/** ECharts' SVG with style attributes as presentation attributes, no hover styles or classes, and ids prefixed. */
export function cleanSvg(svg: string, idPrefix: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="[^"]*"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ pointer-events="[^"]*"/g, '')
    .replace(/ style="([^"]*)"/g, (_, css: string) =>
      css
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const at = d.indexOf(':');
          return ` ${d.slice(0, at).trim()}="${d.slice(at + 1).trim().replace(/"/g, "'")}"`;
        })
        .join(''),
    )
    .replace(/\bzr\d+-/g, idPrefix);
}
