/**
 * The command line: the same backend, the same contract.
 *
 *   npm run -s cli -- demo --db PATH
 *   npm run -s cli -- plan list --json --db PATH
 *   npm run -s cli -- plan show ID --json --db PATH
 *   npm run -s cli -- plan import FILE [--number N] [--title T] [--year Y] [--issuer CODE] [--unmatched keep|create] [--dry-run] --db PATH
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiArgs, ApiMethod, ApiResult } from '../../shared/api/contract';
import type { PlanDetail, PlanSummary, UnitReportStatus } from '../../shared/api/types';
import { LATE_LABEL, REPORT_STATUSES } from '../../shared/domain/periods';
import { ASSESSMENTS } from '../../shared/domain/rollup';
import { formatVnNumber } from '../../shared/domain/vn-number';
import { formatIsoDate, parseVnDate } from '../../shared/domain/org-units';
import { formatFileSize } from '../../shared/domain/backups';
import { catalogueTag } from '../../shared/domain/catalogue';
import { vietnamDateTime } from '../../shared/domain/vietnam-time';
import { deadlineWords } from '../../shared/domain/reminders';
import { parseArgs, stringFlag, type ParsedArgs } from './args';
import { defaultDbPath } from './default-paths';
import { startBackend, type Backend } from './index';
import { UserError } from './errors';
import { StorageError } from './db/storage-error';
import { storageMessage } from './storage-messages';
import { errorLogPath, logError } from './services/error-log';
import { pngSize } from './pdf/signature-placement';

const USAGE = `Cách dùng: npm run -s cli -- <lệnh> [--db TỆP]
  demo                         nạp dữ liệu mẫu (kế hoạch Kon Tum 2024, 2025 và các đơn vị)
  plan list [--json]           liệt kê kế hoạch
  plan show ID [--json]        xem một kế hoạch: mục tiêu, chỉ tiêu, chỉ số, chỉ tiêu theo năm
  plan import TỆP [--number SỐ] [--title TÊN] [--year NĂM] [--issuer MÃ_ĐƠN_VỊ]
                 [--unmatched keep|create] [--dry-run] [--json]
                               nhập kế hoạch từ tệp .xlsx/.xls: bảng chỉ tiêu, bảng nhiệm vụ
                               hoặc danh sách hoạt động; --dry-run chỉ cho biết đã tìm thấy gì
  template --period KỲ (--unit ĐƠN_VỊ | --all) --out THƯ_MỤC
                               xuất biểu mẫu báo cáo (.xlsx) cho một hoặc mọi đơn vị của kỳ
  import TỆP... [--period KỲ] [--replace] [--json]
                               nhận báo cáo của đơn vị; mã thoát 0 chỉ khi mọi tệp đều được nhận
  catalogue list [--json]      liệt kê các bộ chỉ tiêu thống kê và chỉ tiêu của chúng
  catalogue import TỆP [--code VIẾT_TẮT] [--title TÊN] [--document VĂN_BẢN] [--sample] [--into SỐ] [--json]
                               nhập bộ chỉ tiêu thống kê từ bảng phụ lục (.xlsx/.xls)
  catalogue export --period KỲ --catalogue SỐ --out TỆP
                               xuất số liệu tổng hợp của kỳ theo bố cục của bộ chỉ tiêu
  audit verify [--json]        kiểm tra nhật ký thay đổi (chuỗi mã kiểm tra); mã thoát 1 khi nhật ký đã bị sửa
  backup [--json]              sao lưu dữ liệu ngay (vào thư mục backups cạnh tệp dữ liệu)
  backups [--json]             liệt kê các bản sao lưu
  restore BẢN_SAO_LƯU|TỆP --yes
                               khôi phục một bản sao lưu, hoặc mở một tệp dữ liệu .sqlite thay cho dữ liệu hiện tại
                               (dữ liệu hiện tại được sao lưu trước)
  status [--period KỲ] [--json]
                               tình hình nhận báo cáo của kỳ (mặc định: kỳ có hạn nộp gần nhất)
  merge --period KỲ [--unit ĐƠN_VỊ] [--json]
                               tổng hợp số liệu của kỳ (ĐƠN_VỊ: đơn vị tổng hợp của kỳ)
  export --period KỲ [--unit ĐƠN_VỊ] --format xlsx|pdf --out TỆP [--number SỐ] [--date NGÀY] [--signer TÊN]
         [--sign TỆP.p12 --password-file TỆP | --pkcs11 THƯ_VIỆN [--token NHÃN] --pin-file TỆP]
         [--role signer|organisation] [--image ẢNH.png] [--seal-size MM] [--charts [SỐ_CHỈ_TIÊU,…]]
                               xuất báo cáo tổng hợp ra Excel, hoặc văn bản báo cáo PDF (có thể ký số);
                               --charts thêm phụ lục biểu đồ: tổng quan và xu hướng của các chỉ tiêu đã chọn
                               (không chọn: 5 chỉ tiêu còn xa chỉ tiêu nhất)
  remind --period KỲ [--out CÔNG_VĂN.pdf] [--number SỐ] [--due NGÀY] [--signer TÊN] [--contact LIÊN_HỆ]
         [--sign TỆP.p12 --password-file TỆP | --pkcs11 THƯ_VIỆN [--token NHÃN] --pin-file TỆP] [--json]
                               liệt kê đơn vị chưa gửi báo cáo hoặc gửi tệp có lỗi và phần còn thiếu;
                               --out tạo công văn đôn đốc (PDF) gửi các đơn vị đó và ghi nhận đã nhắc
  sign TỆP.pdf --out TỆP.pdf (--p12 TỆP.p12 --password-file TỆP | --pkcs11 THƯ_VIỆN [--token NHÃN] --pin-file TỆP)
       [--role signer|organisation]
       [--reason LÝ_DO] [--location NƠI_KÝ]
                               ký thêm vào một tệp PDF (đã ký hay chưa): chữ ký người ký hoặc của cơ quan;
                               các chữ ký có trước vẫn hợp lệ
  verify TỆP.pdf [--json]      kiểm tra mọi chữ ký số của tệp PDF; mã thoát 1 khi có chữ ký không hợp lệ

KỲ là số kỳ báo cáo; ĐƠN_VỊ là số hoặc mã đơn vị (ví dụ KT.ST).
--out TỆP cũng nhận một thư mục: tệp được lưu vào đó với tên TongHop đặt.`;

class CliError extends Error {}

async function call<M extends ApiMethod>(backend: Backend, method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  const response = await backend.dispatch(method, args);
  if (!response.ok) throw new CliError(response.error.message);
  return response.result as ApiResult<M>;
}

/**
 * Writes a file the backend made to `--out`: that file, or, when `--out` names a folder (one that
 * exists, or a path ending in a slash), the backend's file name inside it. Returns the path written.
 */
function writeOut(target: string, fileName: string, dataBase64: string): string {
  const intoFolder = /[\\/]$/.test(target) || (fs.existsSync(target) && fs.statSync(target).isDirectory());
  const file = path.resolve(intoFolder ? path.join(target, fileName) : target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'));
  return file;
}

function printPlans(plans: PlanSummary[]): void {
  for (const p of plans) {
    console.log(`${String(p.id).padStart(3)}  ${p.number || '(chưa có số)'}  ${p.yearFrom === p.yearTo ? p.yearFrom : `${p.yearFrom}-${p.yearTo}`}  ${p.title}`);
    console.log(`     ${p.goalCount} mục tiêu, ${p.indicatorCount} chỉ tiêu, ${p.measureCount} chỉ số, ${p.taskCount} nhiệm vụ`);
  }
}

function printPlan(plan: PlanDetail): void {
  console.log(`${plan.title}\nSố: ${plan.number || '(chưa có số)'}  Ban hành: ${plan.issuedOn ? formatIsoDate(plan.issuedOn) : '—'}  ${plan.issuerName}`);
  for (const g of plan.goals) {
    console.log(`\n${g.code}. ${g.title}`);
    for (const i of g.indicators) {
      console.log(`  Chỉ tiêu ${i.code}: ${i.title}`);
      for (const m of i.measures) {
        const targets = m.targets.map((t) => `${t.isPhaseEnd ? 'đến ' : ''}${t.year}: ${t.text}`).join('; ');
        console.log(`    [${m.code}] ${m.name} (${m.unitLabel}) — ${targets}`);
        if (m.catalogueIndicator) console.log(`           chỉ tiêu thống kê: ${catalogueTag(m.catalogueIndicator)} ${m.catalogueIndicator.name}`);
        if (m.breakdown) console.log(`           phân tổ: ${m.breakdown.categories.map((c) => `${c.name} (${c.options.map((o) => o.name).join(', ')})`).join(' × ')}`);
      }
    }
  }
}

type ImportFound = {
  measures: number;
  tasks: number;
  taskLayout: 'table' | 'activities' | null;
  years: { from: number; to: number; why: string } | null;
  issuer: { name: string; why: string } | null;
  agencies: { text: string; rows: number[]; match: { kind: string; why: string; name?: string } }[];
  unsure: { row: number; name: string; field: string; value: string; why: string }[];
};

function printImportFound(fileName: string, f: ImportFound): void {
  console.log(`${fileName}: ${f.measures} chỉ số, ${f.tasks} nhiệm vụ${f.taskLayout === 'activities' ? ' (danh sách hoạt động)' : ''}.`);
  if (f.years) console.log(`  Năm: ${f.years.from === f.years.to ? f.years.from : `${f.years.from}–${f.years.to}`} (${f.years.why}).`);
  if (f.issuer) console.log(`  Đơn vị ban hành: ${f.issuer.name} (${f.issuer.why}).`);
  for (const a of f.agencies) console.log(`  Cơ quan "${a.text}" (dòng ${a.rows.join(', ')}): ${a.match.kind === 'none' ? 'KHÔNG KHỚP — ' : ''}${a.match.why}.`);
  for (const u of f.unsure) console.log(`  Cần kiểm tra dòng ${u.row} "${u.name}": ${u.value} — ${u.why}.`);
}

async function unitIdByCode(backend: Backend, code: string): Promise<number> {
  const unit = (await call(backend, 'unit-list', {})).find((u) => u.code === code);
  if (!unit) throw new CliError(`Không có đơn vị mã "${code}".`);
  return unit.id;
}

async function run(args: ParsedArgs, backend: Backend): Promise<void> {
  const [command, sub, arg] = args.positional;
  const json = args.flags.has('json');
  const out = (value: unknown, human: () => void) => (json ? console.log(JSON.stringify(value, null, 2)) : human());
  if (command === 'demo') {
    const r = await call(backend, 'demo-load', {});
    return out(r, () => console.log(r.created ? `Đã nạp dữ liệu mẫu (kế hoạch số ${r.planId}).` : `Dữ liệu mẫu đã có sẵn (kế hoạch số ${r.planId}).`));
  }
  if (command === 'plan' && sub === 'list') {
    const plans = await call(backend, 'plan-list', {});
    return out(plans, () => printPlans(plans));
  }
  if (command === 'plan' && sub === 'show') {
    const id = Number(arg);
    if (!Number.isInteger(id) || id <= 0) throw new CliError(`Cần số kế hoạch, ví dụ: plan show 2 (nhận được "${arg ?? ''}").`);
    const plan = await call(backend, 'plan-get', { id });
    return out(plan, () => printPlan(plan));
  }
  if (command === 'plan' && sub === 'import') {
    if (!arg) throw new CliError('Cần đường dẫn tệp: plan import TỆP.xlsx');
    const file = path.resolve(arg);
    if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp "${file}".`);
    const upload = { fileName: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') };
    const issuerCode = stringFlag(args, 'issuer');
    const issuerUnitId = issuerCode ? await unitIdByCode(backend, issuerCode) : undefined;
    const preview = await call(backend, 'plan-import-preview', { ...upload, issuerUnitId });
    for (const p of preview.problems) console.error(`${upload.fileName} › ${preview.sheetName} › ${p.message}`);
    const found = {
      measures: preview.measureCount,
      tasks: preview.taskCount,
      taskLayout: preview.tasks?.layout ?? null,
      years: preview.guessedYears,
      issuer: preview.issuer,
      agencies: preview.agencies.map((x) => ({ text: x.text, rows: x.rows, match: x.match })),
      unsure: preview.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures.flatMap((m) => m.guesses.filter((x) => !x.sure).map((x) => ({ row: m.row, name: m.name, ...x }))))),
    };
    if (args.flags.has('dry-run')) return out(found, () => printImportFound(upload.fileName, found));
    const year = stringFlag(args, 'year');
    const yearFrom = Number(year ?? preview.guessedYears?.from ?? new Date().getFullYear());
    const yearTo = Number(year ?? preview.guessedYears?.to ?? yearFrom);
    // An agency no unit matched: kept as a name (--unmatched keep) or made a new unit (--unmatched create); else the import stops and lists them.
    const unmatched = stringFlag(args, 'unmatched');
    if (unmatched !== undefined && unmatched !== 'keep' && unmatched !== 'create') throw new CliError(`--unmatched nhận "keep" hoặc "create" (nhận được "${unmatched}").`);
    const agencies = preview.agencies
      .filter((x) => x.match.kind === 'none' && unmatched)
      .map((x) => (unmatched === 'create' ? { text: x.text, unitId: null, create: { name: x.text, kind: 'agency' as const, parentId: preview.issuer?.unitId ?? null } } : { text: x.text, unitId: null }));
    const plan = await call(backend, 'plan-import-commit', {
      ...upload,
      plan: {
        number: stringFlag(args, 'number') ?? '',
        title: stringFlag(args, 'title') ?? (preview.guessedTitle || `Kế hoạch nhập từ ${upload.fileName}`),
        issuerName: preview.issuer?.name ?? '',
        issuedOn: null,
        yearFrom,
        yearTo,
        parentPlanId: null,
        issuerUnitId: issuerUnitId ?? preview.issuer?.unitId ?? null,
      },
      agencies,
    });
    return out({ plan, found }, () => {
      printImportFound(upload.fileName, found);
      console.log(`Đã nhập kế hoạch số ${plan.id}: ${plan.goalCount} mục tiêu, ${plan.indicatorCount} chỉ tiêu, ${plan.measureCount} chỉ số, ${plan.taskCount} nhiệm vụ.`);
    });
  }
  if (command === 'template') {
    const periodId = intFlag(args, 'period', 'kỳ báo cáo');
    const out = stringFlag(args, 'out');
    if (!out) throw new CliError('Cần thư mục lưu biểu mẫu: --out THƯ_MỤC');
    fs.mkdirSync(out, { recursive: true });
    const status = await call(backend, 'period-status', { id: periodId });
    const units = args.flags.has('all') ? status!.units : [findUnit(status!.units, stringFlag(args, 'unit'))];
    for (const u of units) {
      const t = await call(backend, 'template-build', { periodId, unitId: u.unitId });
      const file = path.join(out, t.fileName);
      fs.writeFileSync(file, Buffer.from(t.dataBase64, 'base64'));
      if (!json) console.log(file);
    }
    if (json) console.log(JSON.stringify({ count: units.length, out: path.resolve(out) }));
    return;
  }
  if (command === 'import') {
    const files = args.positional.slice(1);
    if (files.length === 0) throw new CliError('Cần ít nhất một tệp: import TỆP...');
    const periodFlag = stringFlag(args, 'period');
    const results = [];
    const batchId = `cli-${process.pid}-${Date.now()}`;
    for (const f of files) {
      if (!fs.existsSync(f)) throw new CliError(`Không tìm thấy tệp "${path.resolve(f)}".`);
      const [r] = await call(backend, 'report-import', {
        files: [{ fileName: path.basename(f), dataBase64: fs.readFileSync(f).toString('base64') }],
        periodId: periodFlag === undefined ? undefined : intFlag(args, 'period', 'kỳ báo cáo'),
        replace: args.flags.has('replace'),
        batchId,
      });
      results.push(r!);
      if (!json) {
        const label = { imported: `đã nhận (${r!.unitName}, lần ${r!.revision})`, rejected: 'KHÔNG nhận: có lỗi', needs_replace: `chưa nhận: ${r!.unitName} đã có báo cáo, thêm --replace để thay thế`, needs_confirmation: 'chưa nhận: cần xác nhận đơn vị (nhập trong ứng dụng)' }[r!.outcome];
        console.log(`${r!.fileName}: ${label}`);
        for (const p of r!.problems) console.log(`  ${p.severity === 'error' ? 'Lỗi' : 'Lưu ý'}: ${p.message}`);
      }
    }
    if (json) console.log(JSON.stringify(results, null, 2));
    if (results.some((r) => r.outcome !== 'imported')) process.exitCode = 1;
    return;
  }
  if (command === 'catalogue' && sub === 'list') {
    const list = await call(backend, 'catalogue-list', {});
    return out(list, () => {
      if (list.length === 0) console.log('Chưa có bộ chỉ tiêu thống kê nào. Nhập một bộ: catalogue import TỆP.xlsx');
      for (const c of list) {
        console.log(`${String(c.id).padStart(3)}  ${c.code}  ${c.title}${c.isSample ? '  [MẪU]' : ''}`);
        for (const i of c.indicators) console.log(`       PL ${i.annex.padEnd(3)} ${(i.code ?? '----').padEnd(5)} ${i.name}`);
      }
    });
  }
  if (command === 'catalogue' && sub === 'import') {
    if (!arg) throw new CliError('Cần đường dẫn tệp: catalogue import TỆP.xlsx');
    const file = path.resolve(arg);
    if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp "${file}".`);
    const upload = { fileName: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') };
    const preview = await call(backend, 'catalogue-import-preview', upload);
    for (const p of preview.problems) console.error(`${p.severity === 'error' ? 'Lỗi' : 'Lưu ý'}: ${p.message}`);
    for (const sheet of preview.sheets) console.error(`${upload.fileName} › ${sheet.name}: Phụ lục ${sheet.annex || '?'}, dòng tiêu đề ${sheet.headerRow}, các cột: ${sheet.columns.map((c) => `${c.column} "${c.header}"`).join(', ')}`);
    const title = stringFlag(args, 'title') ?? (preview.guessedTitle || `Bộ chỉ tiêu nhập từ ${upload.fileName}`);
    const sample = args.flags.has('sample');
    const into = stringFlag(args, 'into');
    const cat = await call(backend, 'catalogue-import-commit', {
      ...upload,
      catalogueId: into === undefined ? undefined : intFlag(args, 'into', 'bộ chỉ tiêu'),
      catalogue: { code: stringFlag(args, 'code') ?? 'BCT', title, document: stringFlag(args, 'document') ?? preview.guessedDocument, issuedOn: null, note: '', isSample: sample },
    });
    return out(cat, () => console.log(`Đã nhập bộ chỉ tiêu số ${cat.id} (${cat.code}): ${cat.indicators.length} chỉ tiêu${sample ? ', đánh dấu là MẪU' : ''}.`));
  }
  if (command === 'catalogue' && sub === 'export') {
    const file = stringFlag(args, 'out');
    if (!file) throw new CliError('Cần tệp kết quả: --out TỆP.xlsx');
    const f = await call(backend, 'catalogue-export', { periodId: intFlag(args, 'period', 'kỳ báo cáo'), catalogueId: intFlag(args, 'catalogue', 'bộ chỉ tiêu') });
    const written = writeOut(file, f.fileName, f.dataBase64);
    return out({ file: written, indicators: f.count }, () => console.log(written));
  }
  if (command === 'verify') {
    const file = existingFile(sub, 'Cần tệp PDF cần kiểm tra: verify TỆP.pdf');
    const checks = await call(backend, 'pdf-verify', { fileName: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') });
    if (checks.length === 0 || checks.some((c) => c.problems.length > 0)) process.exitCode = 1;
    return out({ file: path.resolve(file), signatures: checks }, () => {
      if (checks.length === 0) console.log(`${path.basename(file)}: không có chữ ký số nào.`);
      for (const [i, c] of checks.entries()) {
        const role = c.role === 'organisation' ? 'cơ quan' : c.role === 'signer' ? 'người ký' : 'không rõ vai trò';
        console.log(`${i + 1}. ${c.field} (${role}): ${c.commonName ?? 'không rõ người ký'}${c.organisation ? `, ${c.organisation}` : ''}; ký lúc ${c.signedAt ? vietnamDateTime(c.signedAt) : 'không rõ'}${c.timestampedAt ? `; dấu thời gian ${vietnamDateTime(c.timestampedAt, { seconds: true })}` : ''}`);
        console.log(`   ${c.problems.length ? c.problems.join(' ') : c.coversWholeFile ? 'Hợp lệ, bao trùm toàn bộ tệp.' : 'Hợp lệ; phần thêm sau đó là các chữ ký tiếp theo.'}`);
      }
    });
  }
  if (command === 'sign') {
    const input = existingFile(sub, 'Cần tệp PDF cần ký: sign TỆP.pdf --out TỆP.pdf --p12 TỆP --password-file TỆP [--role signer|organisation]');
    const outFile = stringFlag(args, 'out');
    if (!outFile) throw new CliError('Cần tệp kết quả: --out TỆP.pdf');
    const certificate = certificateFlags(args, 'p12') ?? tokenFlags(args);
    if (!certificate) throw new CliError('Cần chứng thư số: --p12 TỆP.p12 --password-file TỆP, hoặc thiết bị ký số: --pkcs11 THƯ_VIỆN [--token NHÃN] --pin-file TỆP');
    const role = roleFlag(args);
    const signed = await call(backend, 'pdf-sign', { fileName: path.basename(input), dataBase64: fs.readFileSync(input).toString('base64'), ...certificate, role, reason: stringFlag(args, 'reason'), location: stringFlag(args, 'location'), imageBase64: imageFlag(args), sealSizeMm: sealSizeFlag(args) });
    const written = writeOut(outFile, signed.fileName, signed.dataBase64);
    return out({ file: written, signedBy: signed.signedBy, role }, () => console.log(`Đã ký (${role === 'signer' ? 'người ký' : 'cơ quan'}) bởi ${signed.signedBy}: ${written}`));
  }
  if (command === 'audit' && sub === 'verify') {
    const verdict = await call(backend, 'audit-verify', {});
    if (!verdict.ok) process.exitCode = 1;
    return out(verdict, () => console.log(verdict.message));
  }
  if (command === 'backup') {
    const b = await call(backend, 'backup-create', {});
    const { folder } = await call(backend, 'backup-list', {});
    return out(b, () => console.log(`Đã sao lưu: ${path.join(folder, b.fileName)} (${formatFileSize(b.sizeBytes)})`));
  }
  if (command === 'backups') {
    const list = await call(backend, 'backup-list', {});
    return out(list, () => {
      console.log(`Thư mục sao lưu: ${list.folder}`);
      if (list.backups.length === 0) console.log('Chưa có bản sao lưu nào.');
      for (const b of list.backups) console.log(`${vietnamDateTime(b.createdAt).padEnd(20)} ${b.label.padEnd(30)} ${formatFileSize(b.sizeBytes).padStart(9)}  ${b.fileName}`);
    });
  }
  if (command === 'restore') {
    const source = sub;
    if (!source) throw new CliError('Cần bản sao lưu hoặc tệp dữ liệu: restore TÊN_BẢN_SAO_LƯU | TỆP.sqlite [--yes]');
    const { backups } = await call(backend, 'backup-list', {});
    const backup = backups.find((b) => b.fileName === path.basename(source) && !fs.existsSync(source)) ?? backups.find((b) => b.fileName === source);
    if (!backup && !fs.existsSync(source)) throw new CliError(`Không có bản sao lưu hay tệp "${source}". Xem danh sách: backups`);
    const what = backup ? `bản sao lưu ngày ${vietnamDateTime(backup.createdAt)} (${backup.label.toLowerCase()})` : `tệp "${path.resolve(source)}"`;
    if (!args.flags.has('yes')) {
      console.log(`Dữ liệu hiện tại sẽ được thay bằng ${what}. Dữ liệu hiện tại được sao lưu trước. Chạy lại với --yes để thực hiện.`);
      process.exitCode = 2;
      return;
    }
    const r = backup
      ? await call(backend, 'backup-restore', { fileName: backup.fileName })
      : await call(backend, 'database-open', { fileName: path.basename(source), dataBase64: fs.readFileSync(source).toString('base64') });
    return out(r, () => console.log(`Đã khôi phục ${what}. Dữ liệu trước đó đã được sao lưu: ${r.safetyBackup.fileName}`));
  }
  if (command === 'status') {
    const periodFlag = stringFlag(args, 'period');
    const status = await call(backend, 'period-status', periodFlag === undefined ? {} : { id: intFlag(args, 'period', 'kỳ báo cáo') });
    if (!status) throw new CliError('Chưa có kỳ báo cáo nào.');
    return out(status, () => {
      console.log(`${status.period.name} — gửi về ${status.period.parentUnitName}`);
      for (const u of status.units) {
        console.log(`  ${u.unitName.padEnd(40)} ${formatIsoDate(u.dueOn)}  ${REPORT_STATUSES[u.status]}${u.late ? ` · ${LATE_LABEL}` : ''}`);
      }
    });
  }
  if (command === 'remind') {
    const periodId = intFlag(args, 'period', 'kỳ báo cáo');
    const dueFlag = stringFlag(args, 'due');
    const newDueOn = dueFlag ? parseVnDate(dueFlag) : undefined;
    if (dueFlag && !newDueOn) throw new CliError(`Hạn mới "${dueFlag}" không hợp lệ (dạng ngày/tháng/năm).`);
    const list = await call(backend, 'reminder-list', { periodId, newDueOn: newDueOn ?? undefined });
    const file = stringFlag(args, 'out');
    let written: string | null = null;
    if (file && list.units.length) {
      const key = certificateFlags(args, 'sign') ?? tokenFlags(args);
      const document = { ...list.letter.document, number: stringFlag(args, 'number') ?? '', signerName: stringFlag(args, 'signer') ?? list.letter.document.signerName };
      const letter = await call(backend, 'reminder-letter', { periodId, unitIds: list.units.map((u) => u.unitId), newDueOn: newDueOn ?? list.letter.newDueOn, contact: stringFlag(args, 'contact') ?? '', document, sign: key ? { [roleFlag(args)]: key } : undefined });
      written = writeOut(file, letter.fileName, letter.dataBase64);
    }
    const result = { period: list.period.name, dueOn: list.dueOn, daysLeft: list.daysLeft, units: list.units.map((u) => ({ unitId: u.unitId, unit: u.unitName, status: u.status, late: u.late, owes: u.owes, owed: u.owedText, errors: u.errors })), file: written };
    return out(result, () => {
      console.log(`${list.period.name} — ${list.dueOn && list.daysLeft !== null ? deadlineWords(list.dueOn, list.daysLeft) : 'chưa đặt hạn nộp'}`);
      if (!list.units.length) console.log('Mọi đơn vị đã gửi báo cáo hợp lệ: không còn ai cần nhắc.');
      for (const u of list.units) console.log(`  ${u.unitName.padEnd(40)} ${u.status === 'missing' ? 'chưa gửi' : 'tệp có lỗi'}${u.late ? ' · quá hạn' : ''}: ${u.owedText}`);
      if (written) console.log(`Công văn đôn đốc: ${written}`);
      else if (file) console.log('Không tạo công văn: không có đơn vị nào cần nhắc.');
    });
  }
  if (command === 'merge' || command === 'export') {
    const periodId = intFlag(args, 'period', 'kỳ báo cáo');
    const view = await call(backend, 'merge-get', { periodId });
    const unitFlag = stringFlag(args, 'unit');
    if (unitFlag !== undefined && unitFlag !== String(view.parentUnitId) && unitFlag !== (await unitCode(backend, view.parentUnitId))) {
      throw new CliError(`Kỳ ${view.period.name} do ${view.parentUnitName} tổng hợp, không phải "${unitFlag}".`);
    }
    if (command === 'merge') {
      const units = new Map(view.units.map((u) => [u.id, u.name]));
      const measures = view.rows.map((r) => ({
        code: r.code,
        name: r.name,
        unit: r.unitLabel,
        rollup: r.rollup,
        numerator: r.total.numerator,
        denominator: r.total.denominator,
        value: r.total.value,
        computedValue: r.computed.value,
        override: r.override,
        target: r.targetText,
        assessment: r.assessment,
        contributingUnits: r.contributing.map((u) => units.get(u)),
        missingUnits: r.missing.map((u) => units.get(u)),
        excludedUnits: r.excluded.map((u) => ({ unit: view.tree.find((t) => t.id === u)?.name ?? String(u), reason: r.excludedReasons[u] ?? '' })),
        unapprovedUnits: r.unapproved.map((u) => view.tree.find((t) => t.id === u)?.name ?? String(u)),
        catalogueIndicator: r.catalogueIndicator ? catalogueTag(r.catalogueIndicator) : null,
        breakdown: r.breakdown
          ? {
              name: r.breakdown.name,
              categories: r.breakdown.categories,
              combinations: r.breakdown.parts.map((p) => ({ options: p.options, label: p.label, numerator: p.total.numerator, denominator: p.total.denominator, value: p.total.value })),
              unitsWithoutBreakdown: r.breakdown.withoutBreakdown.map((u) => view.tree.find((t) => t.id === u)?.name ?? String(u)),
            }
          : null,
      }));
      return out({ period: view.period.name, unit: view.parentUnitName, completeness: view.completeness, missingText: view.missingText, measures }, () => {
        console.log(`${view.period.name} — ${view.parentUnitName}: ${view.completeness.reported}/${view.completeness.expected} đơn vị đã gửi`);
        if (view.missingText) console.log(view.missingText);
        const fmt = (n: number | null) => (n === null ? '—' : formatVnNumber(n, { maxDecimals: 2 }));
        for (const m of measures) {
          console.log(`  ${m.code.padEnd(6)} ${fmt(m.value)} ${m.unit}  (chỉ tiêu ${m.target}) ${ASSESSMENTS[m.assessment]}`);
          if (m.override?.stale) console.log(`         Số sửa tay có thể đã cũ: khi sửa, số tính được là ${fmt(m.override.stale.computedThen)}, nay là ${fmt(m.override.stale.computedNow)}`);
          for (const x of m.excludedUnits) console.log(`         Không tính ${x.unit}: ${x.reason}`);
          for (const c of m.breakdown?.combinations ?? []) console.log(`         – ${c.label}: ${fmt(c.value)}`);
          if (m.breakdown?.unitsWithoutBreakdown.length) console.log(`         Chưa phân tổ (chỉ có Tổng số): ${m.breakdown.unitsWithoutBreakdown.join(', ')}`);
        }
      });
    }
    const format = stringFlag(args, 'format') ?? 'xlsx';
    if (format !== 'xlsx' && format !== 'pdf') throw new CliError(`Định dạng "${format}" không hỗ trợ; dùng --format xlsx hoặc --format pdf.`);
    const file = stringFlag(args, 'out');
    if (!file) throw new CliError(`Cần tệp kết quả: --out TỆP.${format}`);
    let f: { fileName: string; dataBase64: string };
    if (format === 'pdf') {
      const doc = await call(backend, 'document-settings-get', { periodId });
      const dateFlag = stringFlag(args, 'date');
      const date = dateFlag ? parseVnDate(dateFlag) : doc.date;
      if (!date) throw new CliError(`Ngày "${dateFlag}" không hợp lệ (dạng ngày/tháng/năm).`);
      const key = certificateFlags(args, 'sign') ?? tokenFlags(args);
      const role = roleFlag(args);
      const image = imageFlag(args);
      const document = { ...doc, number: stringFlag(args, 'number') ?? doc.number, date, signerName: stringFlag(args, 'signer') ?? doc.signerName, ...(image ? { [role === 'signer' ? 'signatureImage' : 'sealImage']: image } : {}), sealSizeMm: sealSizeFlag(args) ?? doc.sealSizeMm };
      const pdf = await call(backend, 'merge-pdf', { periodId, document, sign: key ? { [role]: key } : undefined, charts: await chartsFlag(backend, args, periodId) });
      if (pdf.signedBy && !json) console.log(`Đã ký số bởi ${pdf.signedBy}.`);
      f = pdf;
    } else f = await call(backend, 'merge-export', { periodId });
    const written = writeOut(file, f.fileName, f.dataBase64);
    return out({ file: written }, () => console.log(written));
  }
  throw new CliError(USAGE);
}

/** `--charts`: the chart annex with the dashboard and the five measures furthest from target; `--charts 1.1,3.2`: with these measures' trends. */
async function chartsFlag(backend: Backend, args: ParsedArgs, periodId: number): Promise<ApiArgs<'merge-pdf'>['charts']> {
  const flag = args.flags.get('charts');
  if (flag === undefined) return undefined;
  if (flag === true) return { summary: true };
  const rows = (await call(backend, 'merge-get', { periodId })).rows;
  const codes = flag.split(',').map((c) => c.trim()).filter(Boolean);
  const unknown = codes.filter((c) => !rows.some((r) => r.code === c));
  if (unknown.length) throw new CliError(`Kỳ ${periodId} không có chỉ tiêu ${unknown.join(', ')} (--charts nhận số chỉ tiêu, cách nhau bằng dấu phẩy, ví dụ --charts 1.1,1.2).`);
  return { summary: true, trendMeasureIds: codes.map((c) => rows.find((r) => r.code === c)!.measureId) };
}

async function unitCode(backend: Backend, unitId: number): Promise<string> {
  return (await call(backend, 'unit-get', { id: unitId })).code;
}

function intFlag(args: ParsedArgs, name: string, what: string): number {
  const v = Number(stringFlag(args, name));
  if (!Number.isInteger(v) || v <= 0) throw new CliError(`Cần số ${what}: --${name} SỐ`);
  return v;
}

function findUnit(units: UnitReportStatus[], key: string | undefined): UnitReportStatus {
  if (!key) throw new CliError('Cần đơn vị: --unit SỐ_HOẶC_MÃ, hoặc --all cho mọi đơn vị.');
  const u = units.find((x) => String(x.unitId) === key || x.unitCode === key);
  if (!u) throw new CliError(`Đơn vị "${key}" không thuộc danh sách đơn vị báo cáo của kỳ.`);
  return u;
}

function existingFile(name: string | undefined, missing: string): string {
  if (!name) throw new CliError(missing);
  if (!fs.existsSync(name)) throw new CliError(`Không tìm thấy tệp "${path.resolve(name)}".`);
  return name;
}

/** A .p12/.pfx named by `--FLAG` and its password from --password-file (never on the command line). */
function certificateFlags(args: ParsedArgs, flag: string): { p12Base64: string; password: string } | undefined {
  const file = stringFlag(args, flag);
  if (!file) return undefined;
  const passwordFile = stringFlag(args, 'password-file');
  if (!passwordFile) throw new CliError('Cần tệp chứa mật khẩu: --password-file TỆP (không ghi mật khẩu trên dòng lệnh).');
  for (const f of [file, passwordFile]) existingFile(f, '');
  return { p12Base64: fs.readFileSync(file).toString('base64'), password: fs.readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '') };
}

function roleFlag(args: ParsedArgs): 'signer' | 'organisation' {
  const role = stringFlag(args, 'role') ?? 'signer';
  if (role !== 'signer' && role !== 'organisation') throw new CliError(`Vai trò "${role}" không có: dùng --role signer (người ký) hoặc --role organisation (cơ quan).`);
  return role;
}

/** --image TỆP.png: the signature (signer) or seal (organisation) image, base64. */
function imageFlag(args: ParsedArgs): string | undefined {
  const file = stringFlag(args, 'image');
  if (!file) return undefined;
  const bytes = fs.readFileSync(existingFile(file, ''));
  if (!pngSize(bytes)) throw new CliError(`Tệp "${path.resolve(file)}" không phải ảnh PNG: ảnh chữ ký và ảnh con dấu cần tệp .png nền trong suốt.`);
  return bytes.toString('base64');
}

function sealSizeFlag(args: ParsedArgs): number | undefined {
  const v = stringFlag(args, 'seal-size');
  if (v === undefined) return undefined;
  const mm = Number(v.replace(',', '.'));
  if (!Number.isFinite(mm) || mm < 20 || mm > 60) throw new CliError(`Kích thước con dấu "${v}" không hợp lệ: từ 20 đến 60 mm, ví dụ --seal-size 35.`);
  return mm;
}

/** A USB token: its PKCS#11 library (--pkcs11), the token's label (--token) and the PIN from --pin-file. */
function tokenFlags(args: ParsedArgs): { token: { library: string; tokenLabel?: string; pin: string } } | undefined {
  const library = stringFlag(args, 'pkcs11');
  if (!library) return undefined;
  const pinFile = stringFlag(args, 'pin-file');
  if (!pinFile) throw new CliError('Cần tệp chứa mã PIN: --pin-file TỆP (không ghi mã PIN trên dòng lệnh).');
  existingFile(pinFile, '');
  return { token: { library, tokenLabel: stringFlag(args, 'token'), pin: fs.readFileSync(pinFile, 'utf8').trim() } };
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.positional.length === 0 || args.flags.has('help')) {
    console.log(USAGE);
    return args.positional.length === 0 && !args.flags.has('help') ? 2 : 0;
  }
  // npm runs scripts in the project folder; files named on the command line are the user's, from where they typed it.
  const from = process.env.INIT_CWD;
  if (from && from !== process.cwd() && fs.existsSync(from)) process.chdir(from);
  const dbPath = path.resolve(stringFlag(args, 'db') ?? defaultDbPath());
  let backend: Backend | undefined;
  try {
    backend = await startBackend({ dbPath, demoOnEmpty: false, log: (m) => logError({ dbPath, now: () => new Date() }, 'cli', m) });
    await run(args, backend);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CliError) console.error(e.message);
    else if (e instanceof UserError) console.error(`Lỗi: ${e.message}`);
    else if (e instanceof StorageError) console.error(`Lỗi: ${storageMessage(e).message}`);
    else {
      // Never a stack trace to a user: it goes to the error log, the user is told what failed.
      logError({ dbPath, now: () => new Date() }, `cli ${argv.join(' ')}`, e);
      console.error(`Lỗi bên trong TongHop khi chạy "${args.positional.join(' ')}": ${(e as Error)?.message ?? String(e)}. Chi tiết đã ghi vào ${errorLogPath(dbPath) ?? 'nhật ký lỗi'}.`);
    }
    return 1;
  } finally {
    await backend?.close();
  }
}

const isEntry = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) void main(process.argv.slice(2)).then((code) => process.exit(code));
