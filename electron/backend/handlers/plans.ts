import { backupBeforeImport } from '../services/backups';
import { deleteCategory, listBreakdowns, listCategories, saveCategory } from '../services/breakdowns';
import { commitPlanImport, previewPlanImport } from '../services/plan-import';
import { createPlan, deleteNode, deletePlan, getPlan, listPlans, saveGoal, saveIndicator, saveMeasure, setReporters, updatePlan } from '../services/plans';
import { deleteTask, deleteTaskGroup, moveTask, saveTask, saveTaskGroup } from '../services/tasks';
import type { HandlerSlice } from './types';

type PlanMethods =
  | 'plan-list' | 'plan-get' | 'plan-create' | 'plan-update' | 'plan-delete' | 'plan-import-preview' | 'plan-import-commit'
  | 'task-group-save' | 'task-group-delete' | 'task-save' | 'task-move' | 'task-delete'
  | 'goal-save' | 'goal-delete' | 'indicator-save' | 'indicator-delete' | 'measure-save' | 'measure-delete' | 'measure-reporters-set' | 'breakdown-list' | 'category-list' | 'category-save' | 'category-delete';

const deleted = { deleted: true } as const;

export const planHandlers: HandlerSlice<PlanMethods> = {
  'plan-list': async (_args, ctx) => listPlans(ctx.db),
  'plan-get': async ({ id }, ctx) => getPlan(ctx.db, id),
  'plan-create': async (args, ctx) => createPlan(ctx.db, ctx, args),
  'plan-update': async (args, ctx) => updatePlan(ctx.db, ctx, args),
  'plan-delete': async ({ id }, ctx) => (await deletePlan(ctx.db, ctx, id), deleted),
  'plan-import-preview': async (args, ctx) => previewPlanImport(ctx.db, ctx, args),
  'plan-import-commit': async (args, ctx) => {
    await backupBeforeImport(ctx, 'plan_import', undefined);
    return commitPlanImport(ctx.db, ctx, args);
  },
  'task-group-save': async (args, ctx) => saveTaskGroup(ctx.db, ctx, args),
  'task-group-delete': async ({ id }, ctx) => deleteTaskGroup(ctx.db, ctx, id),
  'task-save': async (args, ctx) => saveTask(ctx.db, ctx, args),
  'task-move': async (args, ctx) => moveTask(ctx.db, ctx, args),
  'task-delete': async ({ id }, ctx) => deleteTask(ctx.db, ctx, id),
  'goal-save': async (args, ctx) => saveGoal(ctx.db, ctx, args),
  'goal-delete': async ({ id }, ctx) => (await deleteNode(ctx.db, ctx, 'goal', id), deleted),
  'indicator-save': async (args, ctx) => saveIndicator(ctx.db, ctx, args),
  'indicator-delete': async ({ id }, ctx) => (await deleteNode(ctx.db, ctx, 'indicator', id), deleted),
  'measure-save': async (args, ctx) => saveMeasure(ctx.db, ctx, args),
  'measure-delete': async ({ id }, ctx) => (await deleteNode(ctx.db, ctx, 'measure', id), deleted),
  'measure-reporters-set': async ({ measureIds, reporters }, ctx) => setReporters(ctx.db, ctx, measureIds, reporters),
  'breakdown-list': async (_args, ctx) => listBreakdowns(ctx.db),
  'category-list': async (_args, ctx) => listCategories(ctx.db),
  'category-save': async (args, ctx) => saveCategory(ctx.db, ctx, args),
  'category-delete': async ({ id }, ctx) => (await deleteCategory(ctx.db, ctx, id), deleted),
};
