/** What the read-query worker is asked and answers. */
export interface ReadRequest {
  id: number;
  file: string;
  sql: string;
  parameters: readonly unknown[];
}

export type ReadReply = { id: number; ok: true; rows: unknown[] } | { id: number; ok: false; message: string };
