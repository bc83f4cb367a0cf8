import { useRef, useState } from 'react';
import type { ImportFileResult, PeriodDto, PeriodStatus, ReminderList, UnitReportStatus } from '../../../../shared/api/types';
import { deadlineWords } from '../../../../shared/domain/reminders';
import { vietnamDateTime, vietnamDay } from '../../../../shared/domain/vietnam-time';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { LATE_LABEL, PERIOD_KINDS, REPORT_STATUSES, countdownText, type ReportStatus } from '../../../../shared/domain/periods';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { useAsync } from '../../app/use-async';
import { EmptyState, ErrorBox, Loading, useToast } from '../../components/Feedback';
import { spreadsheetsOnly, useFileDrop } from '../../components/FilePicker';
import { sendFile } from '../../api/send-file';
import { XLSX_MIME, downloadBase64 } from '../../components/download';
import { UnlockDialog } from '../../components/UnlockDialog';
import { SubmittedPeriodBanner, UnlockPeriodDialog } from './PeriodLock';
import { ImportResults } from './ImportResults';
import { PeriodForm } from './PeriodForm';
import { ReviewDialog } from './ReviewPanel';
import { RemindDialog } from './RemindDialog';

/** Files sent per call when many are received at once (progress moves in steps of this many). */
const IMPORT_CHUNK = 8;

const STATUS_ORDER: ReportStatus[] = ['missing', 'has_errors', 'received', 'valid', 'approved'];

/**
 * "Năm 2026 — Báo cáo năm"; when another period has the same name, the compiling unit is added,
 * then the plan (shortened) if that is the same too, then the period's number as a last resort.
 */
function periodLabel(p: PeriodDto, all: PeriodDto[]): string {
  const label = `${p.name} — ${PERIOD_KINDS[p.kind]}`;
  const namesakes = all.filter((x) => x.name === p.name && x.kind === p.kind);
  if (namesakes.length < 2) return label;
  const sameUnit = namesakes.filter((x) => x.parentUnitName === p.parentUnitName);
  if (sameUnit.length < 2) return `${label} — ${p.parentUnitName ?? ''}`;
  const plan = p.planTitle.length > 48 ? `${p.planTitle.slice(0, 47).trimEnd()}…` : p.planTitle;
  const samePlan = sameUnit.filter((x) => x.planId === p.planId).length > 1;
  return `${label} — ${p.parentUnitName ?? ''} (${samePlan ? `kỳ số ${p.id}` : plan})`;
}

/** The screen a compiler opens first: the next deadline, and every expected unit's report. */
export function HomePage() {
  const [periodId, setPeriodId] = useState<number | undefined>();
  const status = useAsync(() => api.call('period-status', { id: periodId }), [periodId]);
  const periods = useAsync(() => api.call('period-list', {}), [status.data?.period.id]);
  const plans = useAsync(() => api.call('plan-list', {}), []);
  const units = useAsync(() => api.call('unit-list', {}), []);
  const [form, setForm] = useState<'create' | 'edit' | null>(null);
  const [results, setResults] = useState<ImportFileResult[]>([]);
  const [uploads, setUploads] = useState<Map<string, File>>(new Map());
  const [progress, setProgress] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState<{ kind: 'period' } | { kind: 'report'; unit: UnitReportStatus } | null>(null);
  const [reviewing, setReviewing] = useState<UnitReportStatus | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  /** The period chosen here is the working period of every screen, kept across restarts. */
  const choosePeriod = (id: number) => {
    setPeriodId(id);
    void api.call('working-period-set', { periodId: id }).catch(() => undefined);
  };
  const [reminding, setReminding] = useState(false);
  // Who still owes the report, and who was reminded when: asked again whenever the statuses are.
  const reminders = useAsync(() => (status.data ? api.call('reminder-list', { periodId: status.data.period.id }) : Promise.resolve(null)), [status.data]);
  const action = useAction();
  const toast = useToast();
  // While another period loads, the last one's rows (and their links) are not shown: a click must not land in the period just left.
  const s = status.data && (periodId === undefined || status.data.period.id === periodId) ? status.data : undefined;

  const importFiles = (files: File[], intoPeriod?: number) =>
    action.run(async () => {
      if (!s) return;
      const target = intoPeriod ?? s.period.id;
      const out: ImportFileResult[] = [];
      const kept = new Map<string, File>();
      // One batch: the backend backs up the data once, before the first file.
      const batchId = `ui-${Date.now()}`;
      // A few files per call, the next call on its way while one is stored: the backend parses
      // the next files while it checks and stores the current ones.
      const send = (i: number) => {
        const chunk = files.slice(i, i + IMPORT_CHUNK);
        const answers = Promise.all(chunk.map(sendFile)).then((sent) => api.call('report-import', { files: sent, periodId: target, batchId }));
        answers.catch(() => undefined); // awaited below, in order; a failure is reported there
        return { chunk, answers };
      };
      let next = files.length ? send(0) : null;
      for (let i = 0; next; i += IMPORT_CHUNK) {
        const { chunk, answers } = next;
        next = i + IMPORT_CHUNK < files.length ? send(i + IMPORT_CHUNK) : null;
        const last = i + chunk.length;
        // The first call backs the data up first (a few seconds for a large database): said, so the wait is not a mystery.
        const step = `${i === 0 ? 'Đang sao lưu dữ liệu trước khi nhận, rồi nhận' : 'Đang nhận'} tệp ${chunk.length > 1 ? `${i + 1}–${last}` : last}/${files.length}`;
        setProgress(`${step}: ${chunk.map((f) => f.name).join(', ')}`);
        for (const [k, r] of (await answers).entries()) {
          if (r.outcome === 'needs_replace' || r.outcome === 'needs_confirmation' || r.otherPeriod) kept.set(r.fileName, chunk[k]!);
          out.push(r);
        }
      }
      setUploads(kept);
      setProgress(null);
      setResults(out);
      const ok = out.filter((r) => r.outcome === 'imported').length;
      const waiting = out.filter((r) => r.outcome === 'needs_replace' || r.outcome === 'needs_confirmation').length;
      const refused = out.filter((r) => r.outcome === 'rejected').length;
      toast([`Đã nhận ${ok}/${files.length} tệp`, waiting ? `${waiting} tệp cần xác nhận` : '', refused ? `${refused} tệp có lỗi` : ''].filter(Boolean).join(', ') + '.');
      status.reload();
    }).finally(() => setProgress(null));

  const exportAll = () =>
    action.run(async () => {
      if (!s) return;
      setProgress(`Đang tạo biểu mẫu cho ${s.units.length} đơn vị…`);
      const zip = await api.call('template-build-all', { periodId: s.period.id });
      downloadBase64(zip.fileName, zip.dataBase64, 'application/zip');
      toast(`Đã tạo ${zip.count} biểu mẫu (${zip.fileName}).`);
    }).finally(() => setProgress(null));

  const exportOne = (u: UnitReportStatus) =>
    action.run(async () => {
      if (!s) return;
      const t = await api.call('template-build', { periodId: s.period.id, unitId: u.unitId });
      downloadBase64(t.fileName, t.dataBase64, XLSX_MIME);
    });

  const drop = useFileDrop((files) => void importFiles(spreadsheetsOnly(files)), Boolean(s));
  if (status.error) return <ErrorBox message={status.error} />;
  if (status.loading && !s) return <Loading />;

  return (
    <section className="page" {...drop.handlers}>
      <header className="page-head">
        <div>
          <h1>Kỳ báo cáo</h1>
          <p className="page-lead">Hạn nộp, đơn vị đã gửi và chưa gửi báo cáo. Kéo thả tệp Excel của đơn vị vào trang này để nhận báo cáo.</p>
        </div>
        <div className="toolbar">
          {s ? (
            <button type="button" onClick={() => setForm('edit')}>
              Sửa kỳ
            </button>
          ) : null}
          <button type="button" className="primary" onClick={() => setForm('create')}>
            Lập kỳ báo cáo
          </button>
        </div>
      </header>
      {!s ? (
        <EmptyState title="Chưa có kỳ báo cáo nào">
          <p>Lập kỳ báo cáo 6 tháng hoặc cả năm cho một kế hoạch: TongHop đặt sẵn hạn nộp (trước 05/06 và 05/12) và danh sách đơn vị phải báo cáo.</p>
          <button type="button" className="primary" onClick={() => setForm('create')}>
            Lập kỳ báo cáo
          </button>
        </EmptyState>
      ) : (
        <>
          <div className="filter-bar">
            <label>
              Kỳ{' '}
              <select aria-label="Chọn kỳ báo cáo" value={s.period.id} onChange={(e) => choosePeriod(Number(e.target.value))}>
                {(periods.data ?? [s.period]).map((p, _i, all) => (
                  <option key={p.id} value={p.id}>
                    {periodLabel(p, all)}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted small">
              {s.period.planTitles.join(' + ')} · số liệu {formatIsoDate(s.period.dataFrom)}–{formatIsoDate(s.period.dataTo)} · gửi về {s.period.parentUnitName}
            </span>
          </div>
          <SubmittedPeriodBanner period={s.period} consequence="Số liệu đang khoá: không nhận tệp mới, không sửa số." onUnlock={() => setUnlocking({ kind: 'period' })} />
          <DeadlineCard status={s} />
          {reminders.data?.open && reminders.data.period.id === s.period.id && reminders.data.dueOn && reminders.data.daysLeft !== null ? (
            <div className="remind-banner" role="status" aria-label="Nhắc đơn vị">
              <span>
                <b>{deadlineWords(reminders.data.dueOn, reminders.data.daysLeft).replace(/^./, (c) => c.toUpperCase())}</b>: {reminders.data.units.length} đơn vị chưa gửi báo cáo hoặc gửi tệp có lỗi
                {reminders.data.units.some((u) => u.late) ? ` (${reminders.data.units.filter((u) => u.late).length} đơn vị đã quá hạn của mình)` : ''}.
              </span>
              <button type="button" className="primary" onClick={() => setReminding(true)}>
                Nhắc đơn vị…
              </button>
            </div>
          ) : null}
          <div className="toolbar status-actions">
            <button type="button" className="primary" onClick={() => filesInput.current?.click()}>
              Nhận báo cáo (chọn tệp)…
            </button>
            <input ref={filesInput} type="file" multiple accept=".xlsx,.xls,.xlsm,.ods" hidden tabIndex={-1} data-testid="report-files" onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) void importFiles(files);
            }} />
            <button type="button" onClick={() => folderInput.current?.click()}>
              Nhận cả thư mục…
            </button>
            <input ref={folderInput} type="file" multiple hidden tabIndex={-1} data-testid="report-folder" {...{ webkitdirectory: '' }} onChange={(e) => {
              const files = spreadsheetsOnly([...(e.target.files ?? [])]);
              e.target.value = '';
              if (files.length) void importFiles(files);
            }} />
            <button type="button" onClick={() => void exportAll()} disabled={action.busy}>
              Xuất biểu mẫu cho tất cả đơn vị (.zip)
            </button>
            {reminders.data && !reminders.data.open && reminders.data.units.length ? (
              <button type="button" onClick={() => setReminding(true)} title={`Danh sách ${reminders.data.units.length} đơn vị chưa gửi hoặc gửi tệp có lỗi, tin nhắn và công văn đôn đốc`}>
                Nhắc đơn vị…
              </button>
            ) : null}
            {!s.period.submittedAt && s.units.some((u) => u.reportId && (u.status === 'valid' || u.status === 'received')) ? (
              <button
                type="button"
                onClick={() =>
                  void action.run(async () => {
                    const r = await api.call('report-approve-all', { periodId: s.period.id });
                    toast(
                      [r.approved.length ? `Đã duyệt ${r.approved.length} báo cáo` : 'Không có báo cáo nào duyệt được', r.left.length ? `chưa duyệt: ${r.left.map((x) => `${x.unitName} (${x.reason})`).join('; ')}` : ''].filter(Boolean).join('; ') + '.',
                    );
                    status.reload();
                  })
                }
                title="Duyệt mọi báo cáo không còn số liệu nào cần kiểm tra"
              >
                Duyệt tất cả báo cáo hợp lệ
              </button>
            ) : null}
            {progress ? (
              <span role="status" className="busy">
                <span className="spinner" aria-hidden="true" /> {progress}
              </span>
            ) : null}
          </div>
          {drop.over ? <div className="drop-hint">Thả tệp vào đây để nhận báo cáo cho kỳ {s.period.name}</div> : null}
          <ErrorBox message={action.error} />
          <ImportResults
            results={results}
            units={s.units}
            onDismiss={() => setResults([])}
            onSwitch={(r) => {
              const file = uploads.get(r.fileName);
              choosePeriod(r.otherPeriod!.id);
              if (file) {
                setResults(results.filter((x) => x !== r));
                void importFiles([file], r.otherPeriod!.id);
              }
            }}
            onRetry={(r, extra) =>
              void action.run(async () => {
                const file = uploads.get(r.fileName);
                if (!file) throw new Error(`Hãy chọn lại tệp ${r.fileName}.`);
                const [again] = await api.call('report-import', { files: [await sendFile(file)], periodId: s.period.id, ...extra });
                setResults(results.map((x) => (x === r ? again! : x)));
                if (again!.outcome === 'imported') toast(`Đã nhận báo cáo của ${again!.unitName} (lần ${again!.revision}).`);
                status.reload();
              })
            }
          />
          <StatusTable
            status={s}
            reminded={reminders.data?.period.id === s.period.id ? reminders.data.timeline : []}
            onTemplate={(u) => void exportOne(u)}
            onApprove={(u) =>
              void action.run(async () => {
                await api.call('report-approve', { id: u.reportId! });
                toast(`Đã duyệt báo cáo của ${u.unitName}. Báo cáo được khoá; muốn sửa hãy bấm Mở khoá.`);
                status.reload();
              })
            }
            onUnlock={s.period.submittedAt ? undefined : (u) => setUnlocking({ kind: 'report', unit: u })}
            onReview={setReviewing}
          />
        </>
      )}
      {s && reminding && reminders.data ? <RemindDialog list={reminders.data} onClose={() => setReminding(false)} onChanged={reminders.reload} /> : null}
      {s && reviewing ? <ReviewDialog periodId={s.period.id} unitId={reviewing.unitId} unitName={reviewing.unitName} onClose={() => setReviewing(null)} onChanged={status.reload} /> : null}
      {s && unlocking?.kind === 'period' ? <UnlockPeriodDialog period={s.period} onUnlocked={status.reload} onClose={() => setUnlocking(null)} /> : null}
      {s && unlocking?.kind === 'report' ? (
        <UnlockDialog
          title="Mở khoá báo cáo đã duyệt"
          message={
            <p>
              Báo cáo của <strong>{unlocking.unit.unitName}</strong> đã được duyệt. Sau khi mở khoá có thể nhận tệp mới hoặc sửa số, rồi duyệt lại.
            </p>
          }
          onUnlock={async (reason) => {
            await api.call('report-unlock', { id: unlocking.unit.reportId!, reason });
            toast(`Đã mở khoá báo cáo của ${unlocking.unit.unitName}.`);
            status.reload();
          }}
          onClose={() => setUnlocking(null)}
        />
      ) : null}
      {form && (
        <PeriodForm
          period={form === 'edit' ? s?.period : undefined}
          plans={plans.data ?? []}
          units={units.data ?? []}
          periods={periods.data ?? []}
          onDeleted={() => {
            toast(`Đã xóa kỳ "${s?.period.name ?? ''}".`);
            setPeriodId(undefined);
            status.reload();
          }}
          onClose={() => setForm(null)}
          onSaved={(p) => {
            toast(form === 'edit' ? 'Đã lưu kỳ báo cáo.' : `Đã lập kỳ "${p.name}".`);
            choosePeriod(p.id);
            status.reload();
          }}
        />
      )}
    </section>
  );
}

function DeadlineCard({ status: s }: { status: PeriodStatus }) {
  const due = s.nextDue ?? s.period.deadlines.map((d) => d.dueOn).sort().at(-1)!;
  const past = due < s.today;
  return (
    <div className={past ? 'deadline-card deadline-past' : 'deadline-card'}>
      <div>
        <div className="deadline-label">{s.nextDue ? 'Hạn nộp tiếp theo' : 'Hạn nộp'}</div>
        <div className="deadline-date">{formatIsoDate(due)}</div>
        <div className="deadline-countdown">{countdownText(s.today, due)}</div>
      </div>
      <ul className="status-counts" aria-label="Tình hình nhận báo cáo">
        <li>
          <b>
            {s.units.length - s.counts.missing - s.counts.has_errors}/{s.units.length}
          </b>{' '}
          đơn vị đã gửi
        </li>
        {STATUS_ORDER.filter((k) => s.counts[k] > 0).map((k) => (
          <li key={k}>
            <StatusChip status={k} /> {s.counts[k]}
          </li>
        ))}
        {s.counts.late > 0 ? (
          <li>
            <span className="chip chip-late">{LATE_LABEL}</span> {s.counts.late}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

export function StatusChip({ status }: { status: ReportStatus }) {
  return <span className={`chip chip-${status}`}>{REPORT_STATUSES[status]}</span>;
}

function StatusTable({
  status: s,
  reminded,
  onTemplate,
  onApprove,
  onUnlock,
  onReview,
}: {
  status: PeriodStatus;
  /** When each unit was reminded (oldest first). */
  reminded: ReminderList['timeline'];
  onReview: (u: UnitReportStatus) => void;
  onTemplate: (u: UnitReportStatus) => void;
  onApprove: (u: UnitReportStatus) => void;
  /** Absent while the whole period is locked. */
  onUnlock?: (u: UnitReportStatus) => void;
}) {
  const periodLocked = Boolean(s.period.submittedAt);
  if (s.units.length === 0) {
    return (
      <EmptyState title="Kỳ này chưa có đơn vị báo cáo">
        <p>Đơn vị tổng hợp "{s.period.parentUnitName}" chưa có đơn vị trực thuộc vào ngày chốt số liệu. Thêm huyện, sở, ngành trong mục Đơn vị.</p>
      </EmptyState>
    );
  }
  return (
    <table className="table" aria-label="Tình hình báo cáo của các đơn vị">
      <thead>
        <tr>
          <th>Đơn vị</th>
          <th style={{ width: '7.5rem' }}>Hạn nộp</th>
          <th style={{ width: '13rem' }}>Trạng thái</th>
          <th style={{ width: '14rem' }}>Đã nhận</th>
          <th style={{ width: '15rem' }}>
            <span className="sr-only">Thao tác</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {s.units.map((u) => (
          <tr key={u.unitId} data-unit={u.unitName}>
            <td>{u.unitName}</td>
            <td>{formatIsoDate(u.dueOn)}</td>
            <td>
              <StatusChip status={u.status} />
              {u.late ? <span className="chip chip-late">{LATE_LABEL}</span> : null}
              {remindedLine(reminded.find((t) => t.unitId === u.unitId))}
              {u.problemCount ? (
                <div>
                  <button type="button" className="link small problem-link" onClick={() => onReview(u)} aria-label={`Xem ${u.problemCount} lỗi trong tệp gần nhất của ${u.unitName}`}>
                    {u.problemCount} lỗi trong tệp gần nhất
                  </button>
                </div>
              ) : null}
              {u.toCheck ? (
                <div>
                  <button type="button" className="link small warning-link" onClick={() => onReview(u)} aria-label={`Xem ${u.toCheck} số liệu cần kiểm tra của ${u.unitName}`}>
                    {u.toCheck} số liệu cần kiểm tra
                  </button>
                </div>
              ) : null}
            </td>
            <td className="small">
              {u.receivedAt ? (
                <>
                  {formatIsoDate(u.receivedAt.slice(0, 10))} · lần {u.revision}
                  <div className="muted">{u.fileName}</div>
                </>
              ) : (
                <span className="muted">—</span>
              )}
              <div>
                <button type="button" className="link small" onClick={() => onReview(u)} aria-label={`Tệp đã nhận của ${u.unitName}`}>
                  Tệp đã nhận, văn bản PDF…
                </button>
              </div>
            </td>
            <td className="row-actions">
              <a className="link-small" href={`#/entry/${s.period.id}/${u.unitId}`} aria-label={`Nhập số liệu của ${u.unitName}`}>
                Nhập số liệu
              </a>
              <button type="button" className="link" onClick={() => onTemplate(u)} aria-label={`Tải biểu mẫu của ${u.unitName}`}>
                Biểu mẫu
              </button>
              {u.reportId && !periodLocked && (u.status === 'valid' || u.status === 'received') ? (
                <button type="button" className="link" onClick={() => onApprove(u)} aria-label={`Duyệt báo cáo của ${u.unitName}`}>
                  Duyệt
                </button>
              ) : null}
              {u.reportId && u.status === 'approved' && onUnlock ? (
                <button type="button" className="link" onClick={() => onUnlock(u)} aria-label={`Mở khoá báo cáo của ${u.unitName}`} title="Báo cáo đã duyệt đang khoá">
                  Mở khoá…
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "đã nhắc 2 lần, gần nhất 02/12/2024" under a unit's status. */
function remindedLine(t: ReminderList['timeline'][number] | undefined) {
  if (!t?.reminded.length) return null;
  const last = t.reminded.at(-1)!;
  return (
    <div className="small muted" title={t.reminded.map((at) => vietnamDateTime(at)).join('\n')}>
      đã nhắc {t.reminded.length > 1 ? `${t.reminded.length} lần, gần nhất ` : ''}
      {formatIsoDate(vietnamDay(last))}
    </div>
  );
}
