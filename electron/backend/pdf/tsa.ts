/**
 * A timestamp from a Time-Stamp Authority (RFC 3161) over a signature's value, added to the CMS
 * as the unsigned attribute id-aa-timeStampToken (PAdES B-T): the TSA vouches that the signature
 * existed at its time. Only when the office has set a TSA's address (its CA gives one); the
 * request is a plain HTTP POST of application/timestamp-query, and nothing is signed when the
 * TSA cannot be reached or answers something else — the user is told why.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { UserError } from '../errors';
import { bin, der, fromDer, OID } from './cms';

const { asn1 } = forge;
const T = asn1.Type;
const U = asn1.Class.UNIVERSAL;

const children = (n: forge.asn1.Asn1 | undefined) => (Array.isArray(n?.value) ? (n!.value as forge.asn1.Asn1[]) : []);

/** TimeStampReq { version 1, messageImprint { sha256, hash }, nonce, certReq TRUE } (DER). */
export function timestampQuery(data: Buffer, nonce: Buffer): Buffer {
  const hash = crypto.createHash('sha256').update(data).digest();
  return der(
    asn1.create(U, T.SEQUENCE, true, [
      asn1.create(U, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
      asn1.create(U, T.SEQUENCE, true, [asn1.create(U, T.SEQUENCE, true, [asn1.create(U, T.OID, false, asn1.oidToDer(OID.sha256).getBytes()), asn1.create(U, T.NULL, false, '')]), asn1.create(U, T.OCTETSTRING, false, bin(hash))]),
      asn1.create(U, T.INTEGER, false, bin(nonce)),
      asn1.create(U, T.BOOLEAN, false, String.fromCharCode(0xff)),
    ]),
  );
}

/** A positive 64-bit nonce. */
export function newNonce(): Buffer {
  const n = crypto.randomBytes(8);
  n[0] = (n[0]! & 0x7f) | 0x01;
  return n;
}

export interface Timestamp {
  /** The TimeStampToken (a CMS ContentInfo), DER. */
  token: Buffer;
  /** The TSA's time (genTime). */
  time: Date;
}

const STATUS: Record<number, string> = { 2: 'từ chối yêu cầu', 3: 'đang chờ xử lý', 4: 'cảnh báo thu hồi', 5: 'đã thu hồi' };

/**
 * The token of a TimeStampResp, checked against what was asked: status granted, the imprint of
 * `data` and the nonce echoed.
 */
export function tokenFromReply(reply: Buffer, data: Buffer, nonce: Buffer, url: string): Timestamp {
  let root: forge.asn1.Asn1;
  try {
    root = fromDer(reply);
  } catch {
    throw new UserError('validation', `Máy chủ dấu thời gian ${url} trả lời không đúng định dạng RFC 3161.`);
  }
  const [statusInfo, token] = children(root);
  const status = asn1.derToInteger(children(statusInfo)[0]?.value as string);
  if (status !== 0 && status !== 1) throw new UserError('validation', `Máy chủ dấu thời gian ${url} ${STATUS[status] ?? `trả mã ${status}`}; văn bản chưa được ký.`);
  if (!token) throw new UserError('validation', `Máy chủ dấu thời gian ${url} không gửi dấu thời gian; văn bản chưa được ký.`);
  const info = tstInfoOf(token);
  if (!info) throw new UserError('validation', `Dấu thời gian của ${url} không đọc được; văn bản chưa được ký.`);
  if (!info.imprint.equals(crypto.createHash('sha256').update(data).digest())) throw new UserError('validation', `Dấu thời gian của ${url} không khớp chữ ký vừa tạo; văn bản chưa được ký.`);
  if (!info.nonce?.equals(nonce)) throw new UserError('validation', `Dấu thời gian của ${url} không mang đúng mã yêu cầu (nonce); văn bản chưa được ký.`);
  const time = info.time;
  return { token: der(token), time };
}

/** What a TimeStampToken says: the hash it vouches for, its nonce and the TSA's time; null when it is not one. */
export function tstInfoOf(token: forge.asn1.Asn1): { imprint: Buffer; nonce: Buffer | null; time: Date } | null {
  // ContentInfo { signedData, [0] SignedData { …, encapContentInfo { tstInfo, [0] OCTET STRING TSTInfo } } }
  const signedData = children(children(token)[1])[0];
  const encap = children(signedData)[2];
  const eContent = children(children(encap)[1])[0];
  if (!encap || !eContent || asn1.derToOid(children(encap)[0]?.value as string) !== OID.tstInfo) return null;
  const info = children(fromDer(typeof eContent.value === 'string' ? Buffer.from(eContent.value, 'binary') : der(eContent)));
  const nonce = info.find((n, i) => i > 4 && n.tagClass === U && n.type === T.INTEGER);
  return { imprint: Buffer.from(children(info[2])[1]?.value as string, 'binary'), nonce: nonce ? Buffer.from(nonce.value as string, 'binary') : null, time: asn1.generalizedTimeToDate(info[4]!.value as string) };
}

/** Asks the TSA at `url` for a timestamp over `data` (a signature's value). */
export async function requestTimestamp(url: string, data: Buffer, options: { timeoutMs?: number } = {}): Promise<Timestamp> {
  const nonce = newNonce();
  let reply: Buffer;
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/timestamp-query' }, body: new Uint8Array(timestampQuery(data, nonce)), signal: AbortSignal.timeout(options.timeoutMs ?? 20_000) });
    if (!res.ok) throw new UserError('validation', `Máy chủ dấu thời gian ${url} trả lỗi HTTP ${res.status}; văn bản chưa được ký.`);
    reply = Buffer.from(await res.arrayBuffer());
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('validation', `Không kết nối được máy chủ dấu thời gian ${url}; văn bản chưa được ký. Hãy kiểm tra mạng, hoặc xóa địa chỉ máy chủ dấu thời gian trong Cài đặt để ký không kèm dấu thời gian.`);
  }
  return tokenFromReply(reply, data, nonce, url);
}
