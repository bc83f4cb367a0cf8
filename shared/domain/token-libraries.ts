/** File names of the PKCS#11 libraries Vietnamese CAs ship with their tokens (suggestions; any file can be chosen). */
export const KNOWN_TOKEN_LIBRARIES: ReadonlyArray<{ ca: string; file: string }> = [
  { ca: 'VNPT-CA', file: 'vnpt-ca_v34.dll' },
  { ca: 'Viettel-CA', file: 'viettel-ca_v6.dll' },
  { ca: 'Ban Cơ yếu Chính phủ (SafeNet)', file: 'eTPKCS11.dll' },
  { ca: 'BKAV-CA', file: 'BkavCA.dll' },
  { ca: 'FPT-CA', file: 'fpt-ca.dll' },
  { ca: 'MISA-CA, EasyCA (ePass)', file: 'ShuttleCsp11_3003.dll' },
  { ca: 'SoftHSM (thử nghiệm)', file: '/usr/lib/softhsm/libsofthsm2.so' },
];
