/**
 * Signing on a USB token (the way certificates of Ban Cơ yếu Chính phủ, VNPT-CA, Viettel-CA, …
 * are issued): the token's PKCS#11 library is loaded through graphene-pk11, the user's PIN opens
 * a session (never stored), and the token signs the CMS signed attributes itself (the private
 * key never leaves it). Every failure is said in Vietnamese.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as graphene from 'graphene-pk11';
import type { CmsSigner } from './cms';
import { UserError } from '../errors';


export interface TokenCertificate {
  tokenLabel: string;
  /** The certificate's CKA_ID, hex: names the key that goes with it. */
  id: string;
  label: string;
  der: Buffer;
}

const CKR: Record<number, string> = {
  0xa0: 'Mã PIN không đúng.',
  0xa4: 'Thiết bị ký số đã bị khoá vì nhập sai mã PIN quá số lần cho phép. Hãy liên hệ nhà cung cấp chứng thư số để mở khoá.',
  0xa2: 'Mã PIN không đúng độ dài thiết bị yêu cầu.',
  0xa3: 'Mã PIN của thiết bị đã hết hạn: hãy đổi mã PIN bằng phần mềm của nhà cung cấp.',
  0xe0: 'Không thấy thiết bị ký số (USB token): hãy cắm thiết bị vào máy rồi thử lại.',
  0x32: 'Thiết bị ký số đã bị rút ra trong khi ký: hãy cắm lại rồi ký lại.',
  0x30: 'Thiết bị ký số không phản hồi: hãy rút ra, cắm lại rồi ký lại.',
  0xb3: 'Phiên làm việc với thiết bị ký số đã đóng (thiết bị bị rút ra?): hãy cắm lại rồi ký lại.',
  0xe1: 'Thiết bị ký số không nhận ra: hãy rút ra, cắm lại rồi ký lại.',
};

/** A Vietnamese sentence for a PKCS#11 failure (by its CKR code), else the library's own words. */
export function tokenMessage(e: unknown): string {
  const code = (e as { code?: number }).code;
  if (typeof code === 'number' && CKR[code]) return CKR[code]!;
  const text = String((e as Error).message ?? e);
  const named = /CKR_[A-Z_]+/.exec(text)?.[0];
  const byName: Record<string, number> = { CKR_PIN_INCORRECT: 0xa0, CKR_PIN_LOCKED: 0xa4, CKR_TOKEN_NOT_PRESENT: 0xe0, CKR_DEVICE_REMOVED: 0x32, CKR_DEVICE_ERROR: 0x30, CKR_SESSION_HANDLE_INVALID: 0xb3, CKR_TOKEN_NOT_RECOGNIZED: 0xe1, CKR_PIN_LEN_RANGE: 0xa2 };
  if (named && byName[named] !== undefined) return CKR[byName[named]!]!;
  return `Thiết bị ký số báo lỗi: ${named ?? text}.`;
}

/** graphene-pk11 (and its native pkcs11js) loaded when a token is first used, not when the backend starts. */
let loaded: typeof graphene | null = null;
const pkcs11 = () => (loaded ??= createRequire(import.meta.url)('graphene-pk11') as typeof graphene);

function open(library: string): graphene.Module {
  if (!fs.existsSync(library)) throw new UserError('validation', `Không tìm thấy thư viện của thiết bị ký số "${library}". Hãy chọn tệp .dll do nhà cung cấp chứng thư số cài trên máy.`);
  try {
    const mod = pkcs11().Module.load(library, 'token');
    mod.initialize();
    return mod;
  } catch (e) {
    throw new UserError('validation', `Không mở được thư viện của thiết bị ký số "${library}" (${String((e as Error).message ?? e)}). Hãy chọn đúng tệp PKCS#11 của nhà cung cấp.`);
  }
}

function slotsWithTokens(mod: graphene.Module): graphene.Slot[] {
  const slots = mod.getSlots(true);
  const out: graphene.Slot[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots.items(i);
    // A reader with a blank token in it (SoftHSM always offers one) is not a token to sign with.
    if (slot.getToken().flags & pkcs11().TokenFlag.TOKEN_INITIALIZED) out.push(slot);
  }
  return out;
}

function findSlot(mod: graphene.Module, tokenLabel?: string): graphene.Slot {
  const slots = slotsWithTokens(mod);
  if (slots.length === 0) throw new UserError('validation', CKR[0xe0]!);
  const slot = tokenLabel ? slots.find((s) => s.getToken().label.trim() === tokenLabel) : slots[0];
  if (!slot) throw new UserError('validation', `Không thấy thiết bị ký số "${tokenLabel}". Các thiết bị đang cắm: ${slots.map((s) => s.getToken().label.trim()).join(', ')}.`);
  return slot;
}

/** The certificates on the tokens plugged in (no PIN needed to read them). */
export function listTokenCertificates(library: string): TokenCertificate[] {
  const mod = open(library);
  try {
    const out: TokenCertificate[] = [];
    for (const slot of slotsWithTokens(mod)) {
      const session = slot.open(pkcs11().SessionFlag.SERIAL_SESSION);
      try {
        const found = session.find({ class: pkcs11().ObjectClass.CERTIFICATE });
        for (let i = 0; i < found.length; i++) {
          const cert = found.items(i).toType<graphene.X509Certificate>();
          out.push({ tokenLabel: slot.getToken().label.trim(), id: cert.id.toString('hex'), label: cert.label, der: cert.value });
        }
      } finally {
        session.close();
      }
    }
    return out;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('validation', tokenMessage(e));
  } finally {
    mod.finalize();
  }
}

/**
 * A signer on the token: logs in with the PIN, finds the private key with the certificate's ID,
 * signs with CKM_SHA256_RSA_PKCS. The session is closed (and the module finalized) by `close()`.
 */
export function tokenSigner(library: string, options: { tokenLabel?: string; certificateId?: string; pin: string }): CmsSigner & { close(): void; label: string } {
  const mod = open(library);
  let session: graphene.Session | null = null;
  try {
    const slot = findSlot(mod, options.tokenLabel);
    session = slot.open(pkcs11().SessionFlag.SERIAL_SESSION);
    session.login(options.pin, pkcs11().UserType.USER);
    const certs = session.find({ class: pkcs11().ObjectClass.CERTIFICATE });
    const all: graphene.X509Certificate[] = [];
    for (let i = 0; i < certs.length; i++) all.push(certs.items(i).toType<graphene.X509Certificate>());
    const cert = options.certificateId ? all.find((c) => c.id.toString('hex') === options.certificateId) : all[0];
    if (!cert) throw new UserError('validation', 'Thiết bị ký số không có chứng thư số nào (hoặc không có chứng thư đã chọn).');
    const keys = session.find({ class: pkcs11().ObjectClass.PRIVATE_KEY, id: cert.id });
    if (keys.length === 0) throw new UserError('validation', `Thiết bị ký số có chứng thư "${cert.label}" nhưng không có khóa bí mật đi kèm.`);
    const key = keys.items(0).toType<graphene.PrivateKey>();
    const open = session;
    return {
      label: cert.label,
      certificate: cert.value,
      chain: all.filter((c) => c !== cert).map((c) => c.value),
      sign: async (data) => {
        try {
          return open.createSign('SHA256_RSA_PKCS', key).once(data);
        } catch (e) {
          throw new UserError('validation', tokenMessage(e));
        }
      },
      close: () => {
        try {
          open.logout();
          open.close();
        } catch {
          // The token was pulled out: nothing left to close.
        }
        mod.finalize();
      },
    };
  } catch (e) {
    try {
      session?.close();
    } catch {
      // Already gone.
    }
    mod.finalize();
    if (e instanceof UserError) throw e;
    throw new UserError('validation', tokenMessage(e));
  }
}
