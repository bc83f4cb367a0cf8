/**
 * 0001: the whole first schema. Released migrations are never edited; add 0002-... instead.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT`,

    // Organisation units: identity here, names and parents over time in org_unit_version.
    `CREATE TABLE org_unit (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('ministry','province','district','commune','department','agency')),
      created_on TEXT NOT NULL,
      dissolved_on TEXT,
      successor_id INTEGER REFERENCES org_unit(id),
      is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0,1)),
      CHECK (dissolved_on IS NULL OR dissolved_on > created_on)
    ) STRICT`,
    `CREATE TABLE org_event (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('create','rename','move','merge','dissolve')),
      effective_on TEXT NOT NULL,
      note TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    `CREATE TABLE org_unit_version (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      short_name TEXT,
      parent_id INTEGER REFERENCES org_unit(id),
      valid_from TEXT NOT NULL,
      valid_to TEXT,
      event_id INTEGER REFERENCES org_event(id),
      UNIQUE (unit_id, valid_from),
      CHECK (valid_to IS NULL OR valid_to > valid_from)
    ) STRICT`,
    `CREATE INDEX org_unit_version_parent ON org_unit_version(parent_id)`,
    `CREATE TABLE org_event_unit (
      event_id INTEGER NOT NULL REFERENCES org_event(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      role TEXT NOT NULL CHECK (role IN ('subject','source','target')),
      PRIMARY KEY (event_id, unit_id, role)
    ) STRICT`,

    // Breakdowns (phân tổ): categories → options; a combo of categories → option combos.
    // Every measure has a combo; 'default' (id 1) has one option combo (id 1) = no breakdown.
    `CREATE TABLE category (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE category_option (
      id INTEGER PRIMARY KEY,
      category_id INTEGER NOT NULL REFERENCES category(id) ON DELETE CASCADE,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      position INTEGER NOT NULL,
      UNIQUE (category_id, code)
    ) STRICT`,
    `CREATE TABLE category_combo (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE category_combo_category (
      combo_id INTEGER NOT NULL REFERENCES category_combo(id) ON DELETE CASCADE,
      category_id INTEGER NOT NULL REFERENCES category(id),
      position INTEGER NOT NULL,
      PRIMARY KEY (combo_id, category_id)
    ) STRICT`,
    `CREATE TABLE category_option_combo (
      id INTEGER PRIMARY KEY,
      combo_id INTEGER NOT NULL REFERENCES category_combo(id) ON DELETE CASCADE,
      name TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE category_option_combo_option (
      option_combo_id INTEGER NOT NULL REFERENCES category_option_combo(id) ON DELETE CASCADE,
      option_id INTEGER NOT NULL REFERENCES category_option(id),
      PRIMARY KEY (option_combo_id, option_id)
    ) STRICT`,
    `INSERT INTO category (id, code, name) VALUES (1, 'default', 'Không phân tổ')`,
    `INSERT INTO category_option (id, category_id, code, name, position) VALUES (1, 1, 'default', 'Tổng số', 0)`,
    `INSERT INTO category_combo (id, code, name) VALUES (1, 'default', 'Không phân tổ')`,
    `INSERT INTO category_combo_category (combo_id, category_id, position) VALUES (1, 1, 0)`,
    `INSERT INTO category_option_combo (id, combo_id, name) VALUES (1, 1, 'Tổng số')`,
    `INSERT INTO category_option_combo_option (option_combo_id, option_id) VALUES (1, 1)`,

    // Plans → goals → indicators → measures, with targets; tasks in groups.
    `CREATE TABLE plan (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL,
      issuer_name TEXT NOT NULL DEFAULT '',
      issued_on TEXT,
      year_from INTEGER NOT NULL,
      year_to INTEGER NOT NULL,
      parent_plan_id INTEGER REFERENCES plan(id) ON DELETE SET NULL,
      is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0,1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (year_to >= year_from)
    ) STRICT`,
    `CREATE TABLE goal (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      code TEXT NOT NULL,
      title TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX goal_plan ON goal(plan_id, position)`,
    `CREATE TABLE indicator (
      id INTEGER PRIMARY KEY,
      goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      code TEXT NOT NULL,
      title TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX indicator_goal ON indicator(goal_id, position)`,
    `CREATE TABLE measure (
      id INTEGER PRIMARY KEY,
      indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      unit_label TEXT NOT NULL,
      value_kind TEXT NOT NULL CHECK (value_kind IN ('count','rate','boolean','text')),
      rate_factor INTEGER CHECK (rate_factor IN (100, 1000, 100000)),
      direction TEXT NOT NULL CHECK (direction IN ('at_least','at_most','equal','range','none')),
      rollup TEXT NOT NULL CHECK (rollup IN ('sum','ratio','lead','none')),
      lead_unit_id INTEGER REFERENCES org_unit(id) ON DELETE SET NULL,
      category_combo_id INTEGER NOT NULL DEFAULT 1 REFERENCES category_combo(id),
      CHECK ((value_kind = 'rate') = (rate_factor IS NOT NULL))
    ) STRICT`,
    `CREATE INDEX measure_indicator ON measure(indicator_id, position)`,
    `CREATE TABLE measure_cooperating_unit (
      measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
      PRIMARY KEY (measure_id, unit_id)
    ) STRICT`,
    `CREATE TABLE target (
      id INTEGER PRIMARY KEY,
      measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      is_phase_end INTEGER NOT NULL CHECK (is_phase_end IN (0,1)),
      value REAL NOT NULL,
      value_max REAL,
      text TEXT NOT NULL,
      UNIQUE (measure_id, year, is_phase_end),
      CHECK (value_max IS NULL OR value_max >= value)
    ) STRICT`,
    `CREATE TABLE task_group (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      code TEXT NOT NULL,
      title TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE task (
      id INTEGER PRIMARY KEY,
      group_id INTEGER NOT NULL REFERENCES task_group(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      code TEXT NOT NULL,
      content TEXT NOT NULL,
      lead_unit_id INTEGER REFERENCES org_unit(id) ON DELETE SET NULL,
      lead_text TEXT NOT NULL DEFAULT '',
      cooperating_text TEXT NOT NULL DEFAULT '',
      timeframe TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    `CREATE TABLE task_cooperating_unit (
      task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
      PRIMARY KEY (task_id, unit_id)
    ) STRICT`,

    // Reporting periods and the reports units send for them.
    `CREATE TABLE reporting_period (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('half_year','annual','ad_hoc')),
      name TEXT NOT NULL,
      data_from TEXT NOT NULL,
      data_to TEXT NOT NULL,
      CHECK (data_to >= data_from)
    ) STRICT`,
    `CREATE TABLE period_deadline (
      period_id INTEGER NOT NULL REFERENCES reporting_period(id) ON DELETE CASCADE,
      level TEXT NOT NULL CHECK (level IN ('district','department','commune')),
      due_on TEXT NOT NULL,
      PRIMARY KEY (period_id, level)
    ) STRICT`,
    `CREATE TABLE report (
      id INTEGER PRIMARY KEY,
      period_id INTEGER NOT NULL REFERENCES reporting_period(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      revision INTEGER NOT NULL,
      is_current INTEGER NOT NULL CHECK (is_current IN (0,1)),
      status TEXT NOT NULL CHECK (status IN ('received','has_errors','valid','approved')),
      source TEXT NOT NULL CHECK (source IN ('file','typed','merge')),
      received_at TEXT NOT NULL,
      file_name TEXT,
      file_sha256 TEXT,
      file_bytes BLOB,
      UNIQUE (period_id, unit_id, revision)
    ) STRICT`,
    `CREATE UNIQUE INDEX report_current ON report(period_id, unit_id) WHERE is_current = 1`,
    `CREATE TABLE report_value (
      report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
      measure_id INTEGER NOT NULL REFERENCES measure(id),
      option_combo_id INTEGER NOT NULL DEFAULT 1 REFERENCES category_option_combo(id),
      numerator REAL,
      denominator REAL,
      value REAL,
      text_value TEXT,
      PRIMARY KEY (report_id, measure_id, option_combo_id)
    ) STRICT`,
    `CREATE TABLE report_narrative (
      report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
      section TEXT NOT NULL CHECK (section IN ('results','difficulties','directions','proposals')),
      body TEXT NOT NULL,
      PRIMARY KEY (report_id, section)
    ) STRICT`,
    `CREATE TABLE report_task_progress (
      report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
      task_id INTEGER NOT NULL REFERENCES task(id),
      progress TEXT NOT NULL,
      PRIMARY KEY (report_id, task_id)
    ) STRICT`,

    // Who changed what, when, from what to what, and why.
    `CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      user_name TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER,
      action TEXT NOT NULL,
      before_json TEXT,
      after_json TEXT,
      reason TEXT
    ) STRICT`,
    `CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0001-init cannot be undone');
}
