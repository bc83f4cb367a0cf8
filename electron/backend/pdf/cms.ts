/**
 * The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1), built by hand so that
 * any key can sign it (a .p12 here, a USB token through PKCS#11): detached, SHA-256, and the signed
 * attributes contentType, messageDigest and ESS signing-certificate-v2 — no signingTime (B-B puts
 * the time in the signature dictionary's /M). The issuer and serial are copied from the
 * certificate's own DER, so names in UTF-8 stay byte for byte what the CA wrote.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
const T = asn1.Type;
const U = asn1.Class.UNIVERSAL;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
} as const;

/** What signs: the signer's certificate (DER), the rest of its chain, and a raw RSA PKCS#1 v1.5 SHA-256 signature of some bytes. */
export interface CmsSigner {
  certificate: Buffer;
  chain: Buffer[];
  sign(data: Buffer): Promise<Buffer>;
}

/** forge's binary strings and DER, both ways (shared with the timestamp client). */
export const bin = (b: Buffer) => b.toString('binary');
export const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
export const fromDer = (b: Buffer) => asn1.fromDer(forge.util.createBuffer(bin(b)), { decodeBitStrings: false, parseAllBytes: false } as unknown as boolean);
const oid = (id: string) => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(U, T.SET, true, items);
const octets = (b: Buffer) => asn1.create(U, T.OCTETSTRING, false, bin(b));
const int = (n: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const algorithm = (id: string) => seq([oid(id), asn1.create(U, T.NULL, false, '')]);

/** A certificate's issuer Name and serialNumber nodes, as in its DER. */
export function issuerAndSerial(certificate: Buffer): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const tbs = (fromDer(certificate).value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  const offset = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0; // [0] version
  return { serial: fields[offset]!, issuer: fields[offset + 2]! };
}

/** DER SET OF: the elements sorted by their encodings. */
function derSet(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  const sorted = items.map((i) => ({ i, d: der(i) })).sort((a, b) => Buffer.compare(a.d, b.d));
  return set(sorted.map((s) => s.i));
}

/** The signed attributes, as the SET whose DER is signed. */
export function signedAttributes(contentDigest: Buffer, certificate: Buffer): forge.asn1.Asn1 {
  const { issuer, serial } = issuerAndSerial(certificate);
  const certHash = crypto.createHash('sha256').update(certificate).digest();
  // ESSCertIDv2 { certHash, issuerSerial { GeneralNames { [4] directoryName }, serialNumber } }; hashAlgorithm is sha256 by default, so left out (DER).
  const issuerSerial = seq([seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]);
  const signingCertificateV2 = seq([seq([seq([octets(certHash), issuerSerial])])]);
  return derSet([
    seq([oid(OID.contentType), set([oid(OID.data)])]),
    seq([oid(OID.messageDigest), set([octets(contentDigest)])]),
    seq([oid(OID.signingCertificateV2), set([signingCertificateV2])]),
  ]);
}

/**
 * A detached CMS SignedData (DER) over `content`'s SHA-256. With `timestamp`, the signature's
 * value is timestamped (RFC 3161) and the token added as an unsigned attribute (PAdES B-T).
 */
export async function buildCms(contentDigest: Buffer, signer: CmsSigner, options: { timestamp?: (signatureValue: Buffer) => Promise<Buffer> } = {}): Promise<Buffer> {
  const attrs = signedAttributes(contentDigest, signer.certificate);
  const signature = await signer.sign(der(attrs));
  const { issuer, serial } = issuerAndSerial(signer.certificate);
  // In the SignerInfo the same SET is written as [0] IMPLICIT.
  const implicitAttrs = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs.value as forge.asn1.Asn1[]);
  const unsigned = options.timestamp ? [asn1.create(asn1.Class.CONTEXT_SPECIFIC, 1, true, [seq([oid(OID.timeStampToken), set([fromDer(await options.timestamp(signature))])])])] : [];
  const signerInfo = seq([int(1), seq([issuer, serial]), algorithm(OID.sha256), implicitAttrs, algorithm(OID.rsaEncryption), octets(signature), ...unsigned]);
  const certificates = [signer.certificate, ...signer.chain.filter((c) => !c.equals(signer.certificate))].map(fromDer);
  const signedData = seq([
    int(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

/** A signer over a private key held in memory (from a .p12/.pfx). */
export function keySigner(privateKeyPem: string, certificate: Buffer, chain: Buffer[]): CmsSigner {
  return { certificate, chain, sign: async (data) => crypto.sign('sha256', data, privateKeyPem) };
}

export interface ParsedCms {
  signerCertificate: Buffer | null;
  certificates: Buffer[];
  attributes: Map<string, forge.asn1.Asn1>;
  /** Unsigned attributes (a timestamp token), first value of each. */
  unsignedAttributes: Map<string, forge.asn1.Asn1>;
  signedAttributesDer: Buffer;
  signature: Buffer;
  digestAlgorithm: string;
}

/** Reads a CMS SignedData (ours or another tool's) enough to verify it. */
export function parseCms(bytes: Buffer): ParsedCms {
  const root = fromDer(bytes);
  const signedData = ((root.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
  const parts = signedData.value as forge.asn1.Asn1[];
  const certNode = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const certificates = ((certNode?.value as forge.asn1.Asn1[]) ?? []).map(der);
  const signerInfo = ((parts[parts.length - 1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[]);
  const sid = signerInfo[1]!;
  const digestAlgorithm = asn1.derToOid(((signerInfo[2]!.value as forge.asn1.Asn1[])[0]!.value as string));
  const attrsNode = signerInfo[3]!;
  const attributes = new Map<string, forge.asn1.Asn1>();
  for (const a of attrsNode.value as forge.asn1.Asn1[]) {
    const [type, values] = a.value as forge.asn1.Asn1[];
    attributes.set(asn1.derToOid(type!.value as string), (values!.value as forge.asn1.Asn1[])[0]!);
  }
  const signedAttributesDer = der(set(attrsNode.value as forge.asn1.Asn1[]));
  const unsignedAttributes = new Map<string, forge.asn1.Asn1>();
  const unsignedNode = signerInfo[6];
  if (unsignedNode && unsignedNode.tagClass === asn1.Class.CONTEXT_SPECIFIC && unsignedNode.type === 1) {
    for (const a of unsignedNode.value as forge.asn1.Asn1[]) {
      const [type, values] = a.value as forge.asn1.Asn1[];
      unsignedAttributes.set(asn1.derToOid(type!.value as string), (values!.value as forge.asn1.Asn1[])[0]!);
    }
  }
  const signature = Buffer.from(signerInfo[5]!.value as string, 'binary');
  const sidDer = der(sid);
  const signerCertificate =
    certificates.find((c) => {
      const { issuer, serial } = issuerAndSerial(c);
      return der(seq([issuer, serial])).equals(sidDer);
    }) ?? null;
  return { signerCertificate, certificates, attributes, unsignedAttributes, signedAttributesDer, signature, digestAlgorithm };
}
