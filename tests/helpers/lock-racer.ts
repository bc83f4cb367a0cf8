/** A child that takes and releases the instance lock when its parent says so (tests/backend/lock-race.test.ts). */
import { acquireInstanceLock, type InstanceLock } from '../../electron/backend/db/instance-lock';

const dbPath = process.argv[2]!;
let held: InstanceLock | null = null;
process.on('message', (m: string) => {
  if (m === 'take') {
    try {
      held = acquireInstanceLock(dbPath);
      process.send!('held');
    } catch {
      process.send!('refused');
    }
  } else if (m === 'release') {
    held?.release();
    held = null;
    process.send!('released');
  } else if (m === 'exit') process.exit(0);
});
process.send!('ready');
