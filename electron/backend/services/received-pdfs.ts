/**
 * A unit's signed PDFs for a period, kept beside its Excel reports: stored byte for byte (a
 * signature covers exact bytes), listed with every signature checked again from what is kept.
 */
import crypto from 'node:crypto';
import type { ReceivedPdfDto } from '../../../shared/api/types';
import type { Db } from '../db/connection';
import { UserError } from '../errors';
import { verifyPdf } from '../pdf/verify';
import type { BackendContext } from '../context';
import { audit } from './audit';
import { getSetting } from './settings';

/** A PDF from anywhere: is it one? (The parser's own errors are in English.) */
export function pdfBytes(bytes: Buffer, fileName: string): Buffer {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new UserError('validation', `${fileName}: không phải tệp PDF.`);
  return bytes;
}

async function checked(row: { id: number; file_name: string; received_at: string; received_by: string; file_sha256: string; file_bytes: Buffer }): Promise<ReceivedPdfDto> {
  let signatures: ReceivedPdfDto['signatures'] = [];
  let unreadable: string | null = null;
  try {
    signatures = await verifyPdf(row.file_bytes);
  } catch {
    unreadable = 'Tệp PDF bị hỏng hoặc không đọc được nên không kiểm tra được chữ ký.';
  }
  return { id: row.id, fileName: row.file_name, receivedAt: row.received_at, receivedBy: row.received_by, size: row.file_bytes.length, sha256: row.file_sha256, signatures, unreadable };
}

export async function addReceivedPdf(db: Db, ctx: BackendContext, periodId: number, unitId: number, fileName: string, bytes: Buffer): Promise<ReceivedPdfDto> {
  pdfBytes(bytes, fileName);
  const period = await db.selectFrom('reporting_period').select('id').where('id', '=', periodId).executeTakeFirst();
  const unit = await db.selectFrom('org_unit').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!period || !unit) throw new UserError('not_found', 'Không tìm thấy kỳ báo cáo hoặc đơn vị.');
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  const same = await db.selectFrom('received_pdf').select('file_name').where('period_id', '=', periodId).where('unit_id', '=', unitId).where('file_sha256', '=', sha).executeTakeFirst();
  if (same) throw new UserError('conflict', `${fileName}: tệp này đã có trong các tệp PDF đã nhận của đơn vị (đã lưu với tên ${same.file_name}).`);
  const row = { period_id: periodId, unit_id: unitId, file_name: fileName, file_sha256: sha, file_bytes: bytes, received_at: ctx.now().toISOString(), received_by: await getSetting(db, 'userName') };
  const { id } = await db.insertInto('received_pdf').values(row).returning('id').executeTakeFirstOrThrow();
  const result = await checked({ id, ...row });
  await audit(db, ctx, { entity: 'received pdf', entityId: id, action: 'add', after: { periodId, unitId, fileName, sha256: sha, signatures: result.signatures.map((s) => `${s.field}: ${s.commonName ?? '?'}${s.problems.length ? ' (không hợp lệ)' : ''}`) } });
  return result;
}

export async function receivedPdfs(db: Db, periodId: number, unitId: number): Promise<ReceivedPdfDto[]> {
  const rows = await db.selectFrom('received_pdf').select(['id', 'file_name', 'received_at', 'received_by', 'file_sha256', 'file_bytes']).where('period_id', '=', periodId).where('unit_id', '=', unitId).orderBy('id').execute();
  return Promise.all(rows.map(checked));
}

export async function receivedPdfFile(db: Db, id: number): Promise<{ fileName: string; dataBase64: string }> {
  const row = await db.selectFrom('received_pdf').select(['file_name', 'file_bytes']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Không tìm thấy tệp PDF đã nhận.');
  return { fileName: row.file_name, dataBase64: row.file_bytes.toString('base64') };
}
