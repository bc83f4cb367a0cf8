/**
 * Charts drawn by Apache ECharts on the backend as SVG (its server-side rendering), the same
 * picture for the screen and the PDF. ECharts is loaded on the first chart only, so the command
 * line and the web host start without it.
 * The SVG is made safe to place inline under the renderer's CSP (no style attributes or
 * elements: presentation attributes instead) and for svg-to-pdfkit (which reads those), with
 * ids of its own so that several charts can share a page.
 */
import type { EChartsOption } from 'echarts';

type ECharts = typeof import('echarts');
let loaded: ECharts | null = null;
async function echarts(): Promise<ECharts> {
  loaded ??= await import('echarts');
  return loaded;
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
