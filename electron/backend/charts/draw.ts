/**
 * TongHop's charts drawn for a medium: the screen (the interface's sans-serif, pixels) or the
 * PDF (the document's serif, points, within the landscape annex's width). Same options, same picture.
 */
import type { ChartSvg, Dashboard, TrendChart, UnitsChart } from '../../../shared/api/types';
import { barsHeight, furthestOption, goalsOption, phaseOption, receivedOption, trendOption, unitsOption, type ChartStyle } from './chart-options';
import { renderChartSvg } from './svg';

export type Medium = 'screen' | 'pdf';

/** The landscape annex's text width in points (A4 297 mm less 30 + 15 mm margins). */
export const PDF_CHART_WIDTH = 714;
const STYLE: Record<Medium, ChartStyle> = {
  screen: { fontFamily: "'Segoe UI', 'Noto Sans', Arimo, Arial, sans-serif", fontSize: 13 },
  // pdfmake maps the family to the document's font (Times New Roman or Tinos).
  pdf: { fontFamily: 'Serif', fontSize: 10 },
};
const WIDTH: Record<Medium, number> = { screen: 820, pdf: PDF_CHART_WIDTH };

async function draw(option: Parameters<typeof renderChartSvg>[0], medium: Medium, height: number, width = WIDTH[medium]): Promise<ChartSvg> {
  return { svg: await renderChartSvg(option, { width, height }), width, height };
}

export async function drawTrend(t: Omit<TrendChart, 'chart'>, medium: Medium): Promise<TrendChart> {
  return { ...t, chart: await draw(trendOption(t, STYLE[medium]), medium, medium === 'pdf' ? 190 : 340) };
}

export async function drawUnits(u: Omit<UnitsChart, 'chart'>, medium: Medium): Promise<UnitsChart> {
  return { ...u, chart: await draw(unitsOption(u, STYLE[medium]), medium, barsHeight(u.bars.length, medium === 'pdf' ? 16 : 26)) };
}

export async function drawDashboard(d: Omit<Dashboard, 'charts'>, medium: Medium): Promise<Dashboard> {
  const s = STYLE[medium];
  const half = medium === 'pdf' ? PDF_CHART_WIDTH / 2 - 8 : 520;
  const byGoal = 60 + d.goals.length * (medium === 'pdf' ? 22 : 30);
  return {
    ...d,
    charts: {
      goals: d.measureCount > 0 ? await draw(goalsOption(d.goals, s), medium, byGoal, half) : null,
      phase: d.phaseYear !== null ? await draw(phaseOption(d.goals, d.phaseYear, s), medium, byGoal, half) : null,
      received: await draw(receivedOption(d.received, s), medium, medium === 'pdf' ? 170 : 260, half),
      furthest: d.furthest.length ? await draw(furthestOption(d.furthest, s), medium, 40 + d.furthest.length * (medium === 'pdf' ? 22 : 30), half) : null,
    },
  };
}
