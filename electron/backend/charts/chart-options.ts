/**
 * The ECharts options of TongHop's charts, from the figures of shared/domain/progress.ts. Pure:
 * the same option is drawn for the screen and for the PDF, only the font and size differ.
 * Figures in Vietnamese notation (58,82 · 1.234), no animation, colours that stay apart in grey.
 */
import type { EChartsOption } from 'echarts';
import type { Dashboard, TrendChart, UnitsChart } from '../../../shared/api/types';
import type { Assessment } from '../../../shared/domain/rollup';
import { GOAL_COUNT_WORDS, type GoalCount } from '../../../shared/domain/progress';
import { formatVnNumber } from '../../../shared/domain/vn-number';
import { formatIsoDate } from '../../../shared/domain/org-units';

export interface ChartStyle {
  fontFamily: string;
  fontSize: number;
}

export const COLOURS = {
  result: '#1f4e8c',
  target: '#d97706',
  phase: '#4b5563',
  met: '#2e7d32',
  not_met: '#c62828',
  no_data: '#9ca3af',
  other: '#cbd5e1',
  deadline: '#b91c1c',
} as const;

export function assessmentColour(a: Assessment): string {
  return a === 'met' ? COLOURS.met : a === 'not_met' ? COLOURS.not_met : a === 'no_data' ? COLOURS.no_data : COLOURS.result;
}

const text = (s: ChartStyle, extra: object = {}) => ({ fontFamily: s.fontFamily, fontSize: s.fontSize, color: '#1f2937', ...extra });
const vn = (decimals: number) => (v: number) => formatVnNumber(v, { decimals });
/** Axis ticks: as many decimals as the tick needs, at most the measure's. */
const tick = (decimals: number) => (v: number) => formatVnNumber(v, { maxDecimals: decimals });

/** The trend: the results as a line with gaps where there was none, the year's target as a dashed step, the phase ends as lines across. */
export function trendOption(t: Pick<TrendChart, 'points' | 'phaseTargets' | 'unitLabel' | 'displayDecimals' | 'directionText'>, s: ChartStyle): EChartsOption {
  const d = t.displayDecimals;
  const hasRange = t.points.some((p) => p.target?.valueMax !== null && p.target?.valueMax !== undefined);
  const phaseLines = t.phaseTargets.map((p) => ({
    name: `Mục tiêu ${p.year}`,
    yAxis: p.value,
    label: { formatter: `Mục tiêu ${p.year}: ${p.text}`, position: 'insideEndTop' as const, ...text(s, { color: COLOURS.phase }) },
    lineStyle: { color: COLOURS.phase, type: 'dashed' as const, width: 1.5 },
  }));
  return {
    textStyle: text(s),
    grid: { left: 16, right: 24, top: 36, bottom: 44, containLabel: true },
    legend: { bottom: 0, textStyle: text(s), itemWidth: 18, data: ['Kết quả', hasRange ? 'Chỉ tiêu của năm (khoảng)' : 'Chỉ tiêu của năm'] },
    xAxis: { type: 'category', data: t.points.map((p) => p.label), axisLabel: text(s, { interval: 0, hideOverlap: true }), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', name: `${t.unitLabel} (${t.directionText})`, nameTextStyle: text(s, { align: 'left' }), axisLabel: text(s, { formatter: tick(d) }), scale: true },
    series: [
      {
        name: 'Kết quả',
        type: 'line',
        connectNulls: false,
        symbolSize: 9,
        lineStyle: { width: 2.5, color: COLOURS.result },
        itemStyle: { color: COLOURS.result },
        label: { show: true, position: 'top', ...text(s, { fontWeight: 'bold' }), formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? vn(d)(p.value) : '') },
        data: t.points.map((p) => (p.value === null ? null : { value: p.value, itemStyle: { color: assessmentColour(p.assessment) } })),
        markLine: phaseLines.length ? { symbol: 'none', silent: true, data: phaseLines } : undefined,
      },
      {
        name: hasRange ? 'Chỉ tiêu của năm (khoảng)' : 'Chỉ tiêu của năm',
        type: 'line',
        step: 'middle',
        symbol: 'none',
        lineStyle: { color: COLOURS.target, type: 'dashed', width: 1.5 },
        itemStyle: { color: COLOURS.target },
        data: t.points.map((p) => p.target?.value ?? null),
      },
      ...(hasRange
        ? [{ name: 'Chỉ tiêu của năm (khoảng)', type: 'line' as const, step: 'middle' as const, symbol: 'none', lineStyle: { color: COLOURS.target, type: 'dashed' as const, width: 1.5 }, data: t.points.map((p) => p.target?.valueMax ?? null) }]
        : []),
    ],
  };
}

/** Height for a bar chart of n units: one row each. */
export const barsHeight = (n: number, row = 24) => Math.max(160, 70 + n * row);

/** One measure across units: a bar each, best first from the top, coloured by assessment, the target as a line. */
export function unitsOption(u: Pick<UnitsChart, 'bars' | 'target' | 'targetText' | 'displayDecimals' | 'unitLabel'>, s: ChartStyle): EChartsOption {
  const d = u.displayDecimals;
  return {
    textStyle: text(s),
    grid: { left: 8, right: 56, top: 28, bottom: 28, containLabel: true },
    // The axis reaches the target, so its line is always drawn (its end unlabelled: it is not a round tick).
    xAxis: {
      type: 'value',
      name: u.unitLabel,
      nameTextStyle: text(s),
      axisLabel: text(s, { formatter: tick(d), showMaxLabel: !u.target }),
      position: 'top',
      max: u.target ? (e: { max: number }) => niceMax(Math.max(e.max, u.target!.valueMax ?? u.target!.value)) : undefined,
    },
    yAxis: { type: 'category', inverse: true, data: u.bars.map((b) => b.name), axisLabel: text(s, { interval: 0 }) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: u.bars.map((b) => ({ value: b.value, itemStyle: { color: assessmentColour(b.assessment) } })),
        label: { show: true, position: 'right', ...text(s), formatter: (p: { value: unknown }) => vn(d)(Number(p.value)) },
        markLine: u.target
          ? {
              symbol: 'none',
              silent: true,
              data: [{ xAxis: u.target.value, label: { formatter: `Chỉ tiêu: ${u.targetText}`, position: 'end', ...text(s, { color: COLOURS.target }) }, lineStyle: { color: COLOURS.target, type: 'dashed', width: 1.5 } }],
            }
          : undefined,
      },
    ],
  };
}

const COUNT_COLOURS: Record<GoalCount, string> = { met: COLOURS.met, not_met: COLOURS.not_met, no_data: COLOURS.no_data, other: COLOURS.other };

/** By goal, how many measures met this year's target, did not, have no figure, or are not judged. */
export function goalsOption(goals: Dashboard['goals'], s: ChartStyle): EChartsOption {
  const keys: GoalCount[] = ['met', 'not_met', 'no_data', 'other'];
  return stackedByGoal(
    goals.map((g) => `Mục tiêu ${g.code}`),
    keys.filter((k) => goals.some((g) => g.counts[k] > 0)).map((k) => ({ name: GOAL_COUNT_WORDS[k], colour: COUNT_COLOURS[k], values: goals.map((g) => g.counts[k]) })),
    s,
  );
}

/** By goal, how many measures already reach the phase-end target with this period's figure. */
export function phaseOption(goals: Dashboard['goals'], phaseYear: number, s: ChartStyle): EChartsOption {
  const series = [
    { name: `Đã đạt mục tiêu ${phaseYear}`, colour: COLOURS.met, values: goals.map((g) => g.phase.met) },
    { name: `Chưa đạt mục tiêu ${phaseYear}`, colour: COLOURS.not_met, values: goals.map((g) => g.phase.not_met) },
    { name: 'Chưa có số liệu', colour: COLOURS.no_data, values: goals.map((g) => g.phase.no_data) },
  ].filter((x) => x.values.some((v) => v > 0));
  return stackedByGoal(goals.map((g) => `Mục tiêu ${g.code}`), series, s);
}

function stackedByGoal(categories: string[], series: { name: string; colour: string; values: number[] }[], s: ChartStyle): EChartsOption {
  return {
    textStyle: text(s),
    grid: { left: 8, right: 16, top: 8, bottom: 36, containLabel: true },
    legend: { bottom: 0, textStyle: text(s), itemWidth: 14 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: text(s) },
    yAxis: { type: 'category', inverse: true, data: categories, axisLabel: text(s) },
    series: series.map((x) => ({
      name: x.name,
      type: 'bar',
      stack: 'count',
      barMaxWidth: 22,
      itemStyle: { color: x.colour },
      label: { show: true, ...text(s, { color: '#ffffff', fontWeight: 'bold' }), formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') },
      data: x.values,
    })),
  };
}

/** A round axis end a little above a value (105 → 120, 0,38 → 0,4). */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil((v * 1.02) / (step / 5)) * (step / 5);
}

const DAY = 86_400_000;
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Units that had sent by each day, against the deadlines and the number expected. */
export function receivedOption(r: Dashboard['received'], s: ChartStyle): EChartsOption {
  const due = [...new Set(r.deadlines.map((x) => x.dueOn))].sort();
  const first = [r.days[0]?.date, due[0]].filter((x): x is string => !!x).sort()[0];
  const last = [r.days.at(-1)?.date, due.at(-1)].filter((x): x is string => !!x).sort().at(-1);
  // Days on a plain value axis (a time axis sets its labels in a font of its own), a tick every few whole days.
  const min = first ? dayMs(first) - 2 * DAY : 0;
  const max = last ? dayMs(last) + 2 * DAY : 7 * DAY;
  return {
    textStyle: text(s),
    grid: { left: 8, right: 36, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      min,
      max,
      interval: Math.max(1, Math.ceil((max - min) / DAY / 6)) * DAY,
      splitLine: { show: false },
      // dd/mm, with the year when the days span more than one (a report typed long after its period).
      axisLabel: text(s, { formatter: (v: number) => formatIsoDate(new Date(v).toISOString().slice(0, 10)).slice(0, max - min > 330 * DAY ? 10 : 5), hideOverlap: true }),
    },
    yAxis: { type: 'value', minInterval: 1, max: Math.max(r.expected, r.days.at(-1)?.count ?? 0), axisLabel: text(s) },
    series: [
      {
        type: 'line',
        step: 'end',
        symbolSize: 6,
        lineStyle: { color: COLOURS.result, width: 2 },
        itemStyle: { color: COLOURS.result },
        data: r.days.map((x) => [dayMs(x.date), x.count]),
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            ...due.map((d) => ({ xAxis: dayMs(d), label: { formatter: `Hạn ${formatIsoDate(d).slice(0, 5)}`, position: 'end' as const, ...text(s, { color: COLOURS.deadline }) }, lineStyle: { color: COLOURS.deadline, type: 'dashed' as const } })),
            { yAxis: r.expected, label: { formatter: `Phải nhận: ${r.expected}`, position: 'insideStartBottom' as const, ...text(s, { color: COLOURS.phase }) }, lineStyle: { color: COLOURS.phase, type: 'dotted' as const } },
          ],
        },
      },
    ],
  };
}

/** The measures furthest from this year's target: how far short, as a share of the target. */
export function furthestOption(f: Dashboard['furthest'], s: ChartStyle): EChartsOption {
  return {
    textStyle: text(s),
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, data: f.map((m) => `${m.code}. ${m.name.length > 48 ? `${m.name.slice(0, 47)}…` : m.name}`), axisLabel: text(s, { interval: 0 }) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: COLOURS.not_met },
        label: { show: true, position: 'right', ...text(s), formatter: (p: { dataIndex: number }) => `${formatVnNumber(f[p.dataIndex]!.gap * 100, { maxDecimals: 1 })}%` },
        data: f.map((m) => m.gap * 100),
      },
    ],
  };
}
