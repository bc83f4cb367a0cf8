/** Kysely table types: mirror of the migrations (one row type per table). */
import type { Generated } from 'kysely';
import type { AuditRow } from '../../../shared/domain/audit-chain';

export type Flag = 0 | 1;

export interface Database {
  setting: { key: string; value: string };
  change_counter: { topic: string; n: number };
  org_unit: {
    id: Generated<number>;
    code: string;
    kind: string;
    created_on: string;
    dissolved_on: string | null;
    successor_id: number | null;
    is_sample: Generated<Flag>;
  };
  org_event: {
    id: Generated<number>;
    kind: string;
    effective_on: string;
    note: string | null;
    created_at: string;
    created_by: Generated<string>;
    change_id: number | null;
  };
  org_change: {
    id: Generated<number>;
    kind: string;
    effective_on: string;
    title: string;
    note: string | null;
    created_at: string;
    created_by: string;
    snapshot_json: string;
    undone_at: string | null;
    undone_by: string | null;
  };
  org_succession: { predecessor_id: number; successor_id: number; effective_on: string; change_id: number | null };
  unit_duty: { id: Generated<number>; unit_id: number; duty: string; valid_from: string; valid_to: string | null; change_id: number | null };
  org_unit_version: {
    id: Generated<number>;
    unit_id: number;
    name: string;
    short_name: string | null;
    parent_id: number | null;
    valid_from: string;
    valid_to: string | null;
    event_id: number | null;
  };
  org_event_unit: { event_id: number; unit_id: number; role: string };
  category: { id: Generated<number>; code: string; name: string; position: Generated<number>; note: Generated<string>; is_sample: Generated<Flag> };
  category_option: { id: Generated<number>; category_id: number; code: string; name: string; position: number; retired_on: string | null };
  category_option_rename: { id: Generated<number>; option_id: number; old_name: string; new_name: string; renamed_on: string; created_at: string; created_by: Generated<string> };
  category_combo: { id: Generated<number>; code: string; name: string };
  category_combo_category: { combo_id: number; category_id: number; position: number };
  category_option_combo: { id: Generated<number>; combo_id: number; name: string };
  category_option_combo_option: { option_combo_id: number; option_id: number };
  plan: {
    id: Generated<number>;
    number: string;
    title: string;
    issuer_name: string;
    issued_on: string | null;
    year_from: number;
    year_to: number;
    parent_plan_id: number | null;
    issuer_unit_id: Generated<number | null>;
    is_sample: Generated<Flag>;
    created_at: string;
    updated_at: string;
  };
  goal: { id: Generated<number>; plan_id: number; position: number; code: string; title: string };
  indicator: { id: Generated<number>; goal_id: number; position: number; code: string; title: string };
  measure: {
    id: Generated<number>;
    indicator_id: number;
    position: number;
    code: string;
    name: string;
    unit_label: string;
    value_kind: string;
    rate_factor: number | null;
    direction: string;
    rollup: string;
    lead_unit_id: number | null;
    category_combo_id: Generated<number>;
    catalogue_indicator_id: Generated<number | null>;
    reporters: Generated<string | null>;
    numerator_label: Generated<string>;
    denominator_label: Generated<string>;
    lead_text: Generated<string>;
    allows_negative: Generated<Flag>;
    decimals: Generated<number | null>;
    min_value: Generated<number | null>;
    max_value: Generated<number | null>;
  };
  catalogue: {
    id: Generated<number>;
    code: string;
    title: string;
    document: Generated<string>;
    issued_on: string | null;
    note: Generated<string>;
    is_sample: Generated<Flag>;
    created_at: string;
    updated_at: string;
  };
  catalogue_indicator: {
    id: Generated<number>;
    catalogue_id: number;
    position: number;
    annex: string;
    code: string | null;
    group_code: string;
    group_name: string;
    name: string;
    unit_label: string;
    concept: string;
    numerator: string;
    denominator: string;
    factor: number | null;
    breakdowns: string;
    period: string;
    source: string;
    lead_body: string;
    cooperating_bodies: string;
    note: string;
  };
  measure_cooperating_unit: { measure_id: number; unit_id: number };
  target: {
    id: Generated<number>;
    measure_id: number;
    year: number;
    is_phase_end: Flag;
    value: number;
    value_max: number | null;
    text: string;
  };
  task_group: { id: Generated<number>; plan_id: number; position: number; code: string; title: string };
  task: {
    id: Generated<number>;
    group_id: number;
    position: number;
    code: string;
    content: string;
    lead_unit_id: number | null;
    lead_text: string;
    cooperating_text: string;
    timeframe: string;
    product: Generated<string>;
  };
  task_cooperating_unit: { task_id: number; unit_id: number };
  /** Plans a period collects besides its own (reporting_period.plan_id), from position 2. */
  period_plan: { period_id: number; plan_id: number; position: number };
  reporting_period: {
    id: Generated<number>;
    plan_id: number;
    year: number;
    kind: string;
    name: string;
    data_from: string;
    data_to: string;
    parent_unit_id: number | null;
    submitted_at: string | null;
    submitted_by: string | null;
  };
  period_deadline: { period_id: number; level: string; due_on: string };
  /** Bumped by triggers (migration 0019) whenever what a period's figures are made of changes. */
  period_change: { period_id: number; n: number };
  report: {
    id: Generated<number>;
    period_id: number;
    unit_id: number;
    revision: number;
    is_current: Flag;
    status: string;
    source: string;
    received_at: string;
    file_name: string | null;
    file_sha256: string | null;
    file_bytes: Buffer | null;
    warnings_json: string | null;
    approved_at: string | null;
    approved_by: string | null;
  };
  reminder: {
    id: Generated<number>;
    period_id: number;
    channel: 'message' | 'letter';
    sent_at: string;
    sent_by: string;
    document_number: string | null;
    new_due_on: string | null;
  };
  reminder_unit: { reminder_id: number; unit_id: number; owed: string };
  received_pdf: {
    id: Generated<number>;
    period_id: number;
    unit_id: number;
    file_name: string;
    file_sha256: string;
    file_bytes: Buffer;
    received_at: string;
    received_by: string;
  };
  warning_check: {
    report_id: number;
    message: string;
    checked_at: string;
    checked_by: string;
  };
  import_attempt: {
    id: Generated<number>;
    period_id: number | null;
    unit_id: number | null;
    file_name: string;
    file_sha256: string;
    attempted_at: string;
    outcome: string;
    report_id: number | null;
    problems_json: Generated<string>;
  };
  report_value: {
    report_id: number;
    measure_id: number;
    option_combo_id: Generated<number>;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    text_value: string | null;
    note: Generated<string | null>;
  };
  merge_override: {
    id: Generated<number>;
    period_id: number;
    parent_unit_id: number;
    measure_id: number;
    value: number | null;
    computed_value: number | null;
    reason: string;
    created_at: string;
    created_by: string;
    is_current: 0 | 1;
  };
  report_narrative: { report_id: number; section: string; body: string };
  report_task_progress: { report_id: number; task_id: number; progress: string; status: Generated<string | null>; events: Generated<number | null>; participants: Generated<number | null>; funds: Generated<number | null> };
  /** One row of the audit trail, as the hash chain reads it (shared/domain/audit-chain.ts). */
  audit_log: Omit<AuditRow, 'id' | 'os_user' | 'computer'> & { id: Generated<number>; os_user: Generated<string>; computer: Generated<string> };
}
