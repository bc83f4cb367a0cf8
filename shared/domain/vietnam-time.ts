/** Moments (ISO, UTC) shown as Vietnam's calendar day and clock time. Pure. */

/** Vietnam has no daylight saving: its day starts at 17:00 UTC. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The day (YYYY-MM-DD) a moment falls on in Vietnam. */
export function vietnamDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** "23/11/2026 lúc 17:35" (or 17:35:29 with seconds) in Vietnam time, for messages and lists. */
export function vietnamDateTime(at: Date | string, options: { seconds?: boolean } = {}): string {
  const local = new Date(new Date(at).getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} lúc ${local.slice(11, options.seconds ? 19 : 16)}`;
}
