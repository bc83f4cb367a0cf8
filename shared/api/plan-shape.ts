/** Walking a plan as the contract delivers it. */
import type { GoalDto, MeasureDto, PlanDetail, PlanSection } from './types';
import type { UnitKind } from '../domain/org-units';
import { owes } from '../domain/who-reports';

/** Every measure of a plan, in the plan's order (goal, indicator, measure). */
export function planMeasures(plan: Pick<PlanDetail, 'goals'>): MeasureDto[] {
  return plan.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures));
}

/** The plan as one unit sees it: only the goals, indicators and measures it reports, numbered as in the plan. */
export function planFor(plan: PlanDetail, unit: { id: number; kind: UnitKind }): PlanDetail {
  const goals = plan.goals
    .map((g) => ({ ...g, indicators: g.indicators.map((i) => ({ ...i, measures: i.measures.filter((m) => owes(unit, m)) })).filter((i) => i.measures.length) }))
    .filter((g) => g.indicators.length);
  return { ...plan, goals };
}

/** Letters for the sections of a period's content after the first: a code that clashes becomes "B.1.1", "B.I.2". */
const SECTION_LETTERS = 'BCDEFGH';

/** A measure row's code in a template or a pasted table: 1, 1.2, 19.3, or B.1.2 in a period's second plan. */
export const MEASURE_CODE = /^(?:[B-H]\.)?\d+(?:\.\d+)*$/;
/** A task's key: its group's number and its own, I.3, or B.I.3 in a period's second plan. */
export const TASK_KEY = /^(?:[B-H]\.)?[IVX]+\.\d+$/;

/**
 * What a period collects from several plans, as one plan: the first plan's goals and task groups,
 * then each other plan's, in order. A later plan whose measure codes or task group numbers clash
 * with an earlier plan's gets its section letter before them ("B.1.1", "B.I"), so every row of a
 * template keeps one key. Pure: the plans in, one plan with its sections out.
 */
export function composePlans(plans: readonly PlanDetail[]): PlanDetail {
  const [first, ...rest] = plans;
  if (!first) throw new Error('composePlans needs at least one plan');
  if (rest.length === 0) return first;
  const measureCodes = new Set(planMeasures(first).map((m) => m.code));
  const groupCodes = new Set(first.taskGroups.map((g) => g.code));
  const sections: PlanSection[] = [sectionOf(first, '')];
  const goals = [...first.goals];
  const taskGroups = [...first.taskGroups];
  const tasks = [...first.tasks];
  for (const [i, plan] of rest.entries()) {
    const letter = SECTION_LETTERS[i] ?? String(i + 2);
    const clashes = planMeasures(plan).some((m) => measureCodes.has(m.code)) || plan.taskGroups.some((g) => groupCodes.has(g.code));
    const prefix = clashes ? `${letter}.` : '';
    const renamed: GoalDto[] = plan.goals.map((g) => ({
      ...g,
      code: prefix + g.code,
      indicators: g.indicators.map((ind) => ({ ...ind, code: prefix + ind.code, measures: ind.measures.map((m) => ({ ...m, code: prefix + m.code })) })),
    }));
    goals.push(...renamed);
    taskGroups.push(...plan.taskGroups.map((g) => ({ ...g, code: prefix + g.code })));
    tasks.push(...plan.tasks.map((t) => ({ ...t, groupCode: prefix + t.groupCode })));
    for (const m of planMeasures({ goals: renamed })) measureCodes.add(m.code);
    for (const g of plan.taskGroups) groupCodes.add(prefix + g.code);
    sections.push(sectionOf(plan, prefix));
  }
  const columns = new Map<string, { year: number; isPhaseEnd: boolean }>();
  for (const p of plans) for (const c of p.targetColumns) columns.set(`${c.year}:${c.isPhaseEnd}`, c);
  return {
    ...first,
    title: plans.map((p) => p.title).join('; '),
    goalCount: goals.length,
    indicatorCount: goals.reduce((n, g) => n + g.indicators.length, 0),
    measureCount: planMeasures({ goals }).length,
    taskCount: tasks.length,
    isSample: plans.some((p) => p.isSample),
    sections,
    goals,
    taskGroups,
    tasks,
    targetColumns: [...columns.values()].sort((a, b) => Number(b.isPhaseEnd) - Number(a.isPhaseEnd) || a.year - b.year),
  };
}

function sectionOf(plan: PlanDetail, prefix: string): PlanSection {
  return { planId: plan.id, number: plan.number, title: plan.title, isSample: plan.isSample, prefix, goalIds: plan.goals.map((g) => g.id), taskGroupIds: plan.taskGroups.map((g) => g.id) };
}

/** The section each goal and task group belongs to, when a period collects several plans (null for one plan). */
export function sectionsOf(plan: Pick<PlanDetail, 'sections'>): { goal: Map<number, PlanSection>; taskGroup: Map<number, PlanSection> } | null {
  if (plan.sections.length < 2) return null;
  const goal = new Map<number, PlanSection>();
  const taskGroup = new Map<number, PlanSection>();
  for (const s of plan.sections) {
    for (const id of s.goalIds) goal.set(id, s);
    for (const id of s.taskGroupIds) taskGroup.set(id, s);
  }
  return { goal, taskGroup };
}

/**
 * Walks rows in order and says where a new section begins: call it with each row's section
 * (undefined for one plan); it returns the section to print a heading for, once per section.
 */
export function sectionHeadings(): (section: PlanSection | undefined) => PlanSection | null {
  let current: number | null = null;
  return (section) => {
    if (!section || section.planId === current) return null;
    current = section.planId;
    return section;
  };
}

/** "Kế hoạch số 22/KH-UBND: …", as a section heading says it. */
export function sectionTitle(s: Pick<PlanSection, 'number' | 'title' | 'isSample'>): string {
  return `${s.number ? `Kế hoạch số ${s.number}: ` : ''}${s.title}${s.isSample && !/mẫu/i.test(s.title) ? ' (dữ liệu mẫu)' : ''}`;
}
