/** Every migration, in order. Static imports so bundles carry them; never edit a released one. */
import type { Migration } from 'kysely';
import * as m0001 from './0001-init';
import * as m0002 from './0002-collecting';
import * as m0003 from './0003-merge-overrides';
import * as m0004 from './0004-reorganisation';
import * as m0005 from './0005-locking';
import * as m0006 from './0006-change-counters';
import * as m0007 from './0007-breakdowns';
import * as m0008 from './0008-catalogue';
import * as m0009 from './0009-who-reports';
import * as m0010 from './0010-task-status';
import * as m0011 from './0011-task-import';
import * as m0012 from './0012-period-plans';
import * as m0013 from './0013-value-rules';
import * as m0014 from './0014-warning-checks';
import * as m0015 from './0015-audit-chain';
import * as m0016 from './0016-received-pdfs';
import * as m0017 from './0017-noted-values';
import * as m0018 from './0018-reminders';
import * as m0019 from './0019-period-changes';

export const migrations: Record<string, Migration> = {
  '0001-init': m0001,
  '0002-collecting': m0002,
  '0003-merge-overrides': m0003,
  '0004-reorganisation': m0004,
  '0005-locking': m0005,
  '0006-change-counters': m0006,
  '0007-breakdowns': m0007,
  '0008-catalogue': m0008,
  '0009-who-reports': m0009,
  '0010-task-status': m0010,
  '0011-task-import': m0011,
  '0012-period-plans': m0012,
  '0013-value-rules': m0013,
  '0014-warning-checks': m0014,
  '0015-audit-chain': m0015,
  '0016-received-pdfs': m0016,
  '0017-noted-values': m0017,
  '0018-reminders': m0018,
  '0019-period-changes': m0019,
};

export const LATEST_SCHEMA_VERSION = Object.keys(migrations).length;
