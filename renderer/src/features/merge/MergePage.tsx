import { Fragment, useState } from 'react';
import type { MergeBreakdown, MergeRow, MergeView } from '../../../../shared/api/types';
import { ASSESSMENTS } from '../../../../shared/domain/rollup';
import { ROLLUPS } from '../../../../shared/domain/measure';
import { formatVnNumber, parseVnNumber } from '../../../../shared/domain/vn-number';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { api } from '../../api';
import { Tabs } from '../../components/Tabs';
import { CatalogueTag } from '../../components/CatalogueTag';
import { useAction } from '../../app/use-action';
import { useAsync } from '../../app/use-async';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { SubmittedPeriodBanner, UnlockPeriodDialog } from '../periods/PeriodLock';
import { EmptyState, ErrorBox, Loading, useToast } from '../../components/Feedback';
import { XLSX_MIME, downloadBase64 } from '../../components/download';
import { PdfDialog } from './PdfDialog';
import { PeriodPicker } from '../../components/PeriodPicker';
import { sectionBreaks, treeLineText, withoutBreakdownText } from '../../../../shared/api/merge-text';
import { fractionText } from '../../../../shared/domain/who-reports';
import { TASK_STATUSES, type TaskStatus } from '../../../../shared/domain/task-status';
import { useCellsUnder, useWholeRow } from './cells-below';
import { TrendView, UnitsView } from '../progress/MeasureCharts';

/** A figure with its measure's decimals; `false` for numerators and denominators (counts, up to 2 decimals). */
const fmt = (n: number | null, decimals: number | false) => (n === null ? '' : formatVnNumber(n, decimals === false ? { maxDecimals: 2 } : { decimals }));

/** Roll the units' reports up into the compiling unit's numbers for a period. */
export function MergePage() {
  const periods = useAsync(() => api.call('period-list', {}), []);
  // The working period: the one chosen last on any screen (kept across restarts).
  const working = useAsync(() => api.call('working-period-get', {}), []);
  const [periodId, setPeriodId] = useState<number>();
  const chosen = periodId ?? (working.data || working.error ? (working.data?.periodId ?? periods.data?.[0]?.id) : undefined);
  const view = useAsync(() => (chosen ? api.call('merge-get', { periodId: chosen }) : Promise.resolve(null)), [chosen]);
  const [drill, setDrill] = useState<MergeRow | null>(null);
  const [tab, setTab] = useState<'values' | 'narratives'>('values');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [taskDrafts, setTaskDrafts] = useState<Record<number, string>>({});
  const [pdf, setPdf] = useState(false);
  const [lockDialog, setLockDialog] = useState<'submit' | 'unlock' | null>(null);
  const action = useAction();
  const toast = useToast();

  if (periods.error) return <ErrorBox message={periods.error} />;
  if (!periods.data || (!working.data && !working.error)) return <Loading />;
  if (periods.data.length === 0) {
    return (
      <section className="page">
        <h1>Tổng hợp</h1>
        <EmptyState title="Chưa có kỳ báo cáo để tổng hợp">
          <p>
            Lập kỳ báo cáo ở mục <a href="#/">Kỳ báo cáo</a>, nhận báo cáo của các đơn vị, rồi quay lại đây để tổng hợp.
          </p>
        </EmptyState>
      </section>
    );
  }
  // While another period loads, its figures are not shown under the new period's name.
  const v = view.data && view.data.period.id === chosen ? view.data : undefined;
  const chosenName = periods.data.find((p) => p.id === chosen)?.name;
  // A plan of tasks only has no figures to show: its report is its text and its tasks.
  const shownTab = v && v.rows.length === 0 ? 'narratives' : tab;
  const saveMerge = () =>
    action.run(async () => {
      const taskProgress = Object.entries(taskDrafts).map(([taskId, progress]) => ({ taskId: Number(taskId), progress }));
      const r = await api.call('merge-save', { periodId: chosen!, narratives: drafts, taskProgress });
      toast(`Đã lưu báo cáo tổng hợp (lần ${r.revision}).`);
      setDrafts({});
      setTaskDrafts({});
      view.reload();
    });
  const exportUpstream = () =>
    action.run(async () => {
      const f = await api.call('merge-export-upstream', { periodId: chosen! });
      downloadBase64(f.fileName, f.dataBase64, XLSX_MIME);
      toast([`Đã tạo tệp gửi cấp trên cho kỳ "${f.periodName}".`, ...f.notes].join(' '));
    });
  const submit = () =>
    action.run(async () => {
      setLockDialog(null);
      await api.call('period-submit', { id: chosen! });
      toast(`Đã đánh dấu kỳ "${v!.period.name}" là đã nộp. Số liệu của kỳ được khoá.`);
      view.reload();
    });
  // The statistical catalogues the period's measures are linked to: their layout is one more export.
  const catalogues = v ? [...new Map(v.rows.flatMap((r) => (r.catalogueIndicator ? [[r.catalogueIndicator.catalogueId, r.catalogueIndicator.catalogueCode] as const] : []))).entries()] : [];
  const exportCatalogue = (catalogueId: number) =>
    action.run(async () => {
      const f = await api.call('catalogue-export', { periodId: chosen!, catalogueId });
      downloadBase64(f.fileName, f.dataBase64, XLSX_MIME);
      toast(`Đã xuất ${f.count} chỉ tiêu thống kê: ${f.fileName}.`);
    });
  const exportXlsx = () =>
    action.run(async () => {
      const f = await api.call('merge-export', { periodId: chosen! });
      downloadBase64(f.fileName, f.dataBase64, XLSX_MIME);
      toast(`Đã xuất ${f.fileName}.`);
    });

  return (
    <section className="page">
      <header className="page-head page-head-compact">
        <div>
          <h1>Tổng hợp</h1>
          <p className="page-lead" title="Số lượng cộng lại; tỷ lệ tính lại từ tổng tử số và tổng mẫu số; chỉ tiêu của sở chủ trì lấy số của sở.">Cộng dồn số liệu của các đơn vị theo quy tắc của từng chỉ tiêu.</p>
        </div>
        <div className="toolbar">
          <button type="button" disabled={!v || action.busy || Boolean(v.period.submittedAt)} onClick={() => void saveMerge()}>
            Lưu báo cáo tổng hợp
          </button>
          {v?.upstream ? (
            <button type="button" disabled={action.busy} onClick={() => void exportUpstream()} title={`Biểu mẫu của kỳ "${v.upstream.name}" (${v.upstream.parentUnitName}) điền sẵn số tổng hợp`}>
              Xuất tệp gửi cấp trên
            </button>
          ) : null}
          <button type="button" disabled={!v || action.busy} onClick={() => void exportXlsx()}>
            Xuất Excel
          </button>
          {catalogues.map(([id, code]) => (
            <button key={id} type="button" disabled={action.busy} title="Số liệu tổng hợp theo bố cục của bộ chỉ tiêu thống kê: mã số, tên, mỗi nhóm phân tổ một cột" onClick={() => void exportCatalogue(id)}>
              Xuất theo {code}
            </button>
          ))}
          <button type="button" className="primary" disabled={!v || action.busy} onClick={() => setPdf(true)}>
            Văn bản PDF…
          </button>
          {v && !v.period.submittedAt ? (
            <button type="button" disabled={action.busy} onClick={() => setLockDialog('submit')}>
              Đánh dấu đã nộp…
            </button>
          ) : null}
        </div>
      </header>
      <div className="filter-bar">
        <PeriodPicker
          label="Chọn kỳ tổng hợp"
          periods={periods.data}
          value={chosen}
          onChange={(id) => {
            setPeriodId(id);
            setDrafts({});
          }}
        />
        {v?.saved ? (
          <span className="muted small">
            Đã lưu báo cáo tổng hợp lần {v.saved.revision} lúc {formatIsoDate(v.saved.savedAt.slice(0, 10))}
          </span>
        ) : null}
      </div>
      {v ? <SubmittedPeriodBanner period={v.period} consequence="Số liệu đang khoá; vẫn xuất được Excel và PDF." onUnlock={() => setLockDialog('unlock')} /> : null}
      <ErrorBox message={view.error ?? action.error} />
      {view.loading && !v ? <Loading text={chosenName ? `Đang tổng hợp số liệu kỳ ${chosenName}…` : undefined} /> : null}
      {v ? <TreeLine view={v} /> : null}
      {v ? <Completeness view={v} /> : null}
      {v ? (
        <Tabs
          value={shownTab}
          onChange={setTab}
          tabs={[
            { key: 'values', label: `Số liệu (${v.rows.length} chỉ tiêu)` },
            { key: 'narratives', label: 'Nội dung báo cáo' },
          ]}
        />
      ) : null}
      {v && lockDialog === 'submit' ? (
        <ConfirmDialog
          title="Đánh dấu đã nộp"
          message={
            <>
              <p>
                Đánh dấu kỳ <strong>{v.period.name}</strong> của {v.parentUnitName} là đã nộp lên cấp trên?
              </p>
              <p>Số liệu của kỳ sẽ được khoá: không nhận tệp mới, không sửa số của đơn vị, không sửa số tổng hợp. Khi cần sửa, có thể mở khoá (ghi lý do).</p>
            </>
          }
          confirmLabel="Đã nộp, khoá số liệu"
          onConfirm={() => void submit()}
          onClose={() => setLockDialog(null)}
        />
      ) : null}
      {v && lockDialog === 'unlock' ? <UnlockPeriodDialog period={v.period} onUnlocked={view.reload} onClose={() => setLockDialog(null)} /> : null}
      {v && shownTab === 'values' ? <Matrix view={v} onDrill={setDrill} /> : null}
      {v && shownTab === 'narratives' ? <Narratives view={v} drafts={drafts} onChange={setDrafts} taskDrafts={taskDrafts} onTaskChange={setTaskDrafts} /> : null}
      {pdf && chosen ? (
        <PdfDialog
          periodId={chosen}
          onClose={() => setPdf(false)}
          onDone={(message) => toast(message)}
          staleOverrides={v?.rows.filter((r) => r.override?.stale).map((r) => `${r.code}: dùng ${fmt(r.override!.value, r.displayDecimals)}, nay tính được ${fmt(r.override!.stale!.computedNow, r.displayDecimals)}`)}
          measures={v?.rows.map((r) => ({ id: r.measureId, code: r.code, name: r.name }))}
        />
      ) : null}
      {drill && v ? (
        <DrillDown
          view={v}
          row={v.rows.find((r) => r.measureId === drill.measureId) ?? drill}
          onClose={() => setDrill(null)}
          onChanged={(message) => {
            toast(message);
            view.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function Completeness({ view: v }: { view: MergeView }) {
  const c = v.completeness;
  return (
    <div className={c.missing.length ? 'completeness completeness-partial' : 'completeness'} role="status" aria-label="Mức độ đầy đủ">
      <b>
        {c.reported}/{c.expected}
      </b>{' '}
      đơn vị đã gửi báo cáo
      {c.missing.length ? ` · ${c.missing.length} đơn vị chưa gửi` : ''}
      {c.late.length ? ` · ${c.late.length} đơn vị trễ hạn` : ''}
      {v.countApprovedOnly ? ` · chỉ tính báo cáo đã duyệt${v.notCounted.length ? ` (${v.notCounted.length} báo cáo chờ duyệt chưa tính)` : ''}` : ''}.{' '}
      <span className="muted small">Vẫn tổng hợp được khi còn thiếu; văn bản ghi rõ đơn vị chưa có số liệu.</span>
      {v.missingText ? (
        <details>
          <summary>Xem danh sách</summary>
          <div className="missing-text">{v.missingText}</div>
          {c.late.length ? <div>Trễ hạn: {c.late.join(', ')}.</div> : null}
        </details>
      ) : null}
    </div>
  );
}

/** Which tree this period merges through: three tiers in 2024, two after July 2025. */
function TreeLine({ view: v }: { view: MergeView }) {
  const line = treeLineText(v);
  const samples = v.tree.filter((u) => u.isSample).length;
  return (
    <p className="tree-line small" data-testid="merge-tiers">
      <b>Tổng hợp {v.tiers} cấp</b>: {line.path}
      {line.others ? `, cùng ${line.others}` : ''} (theo cây đơn vị ngày {formatIsoDate(v.period.dataTo)}).
      {v.tiers > 2 && line.standIn ? ` ${line.standIn}` : ''}
      {samples ? <span className="muted small"> {samples} đơn vị là dữ liệu mẫu (đánh dấu "mẫu").</span> : null}
    </p>
  );
}

type UnitFilter = 'all' | 'problems' | `d${number}`;

/** The columns a compiler can look at: every unit, those with something to look at, or one district's communes. */
function unitColumns(v: MergeView, filter: UnitFilter): { id: number; name: string; reported: boolean; note: string | null }[] {
  if (filter.startsWith('d')) {
    const districtId = Number(filter.slice(1));
    return v.tree.filter((t) => t.parentId === districtId).map((t) => ({ id: t.id, name: t.name, reported: t.reported, note: null }));
  }
  const problems = new Set<number>();
  for (const u of v.units) if (!u.reported || u.status === 'has_errors' || u.status === 'received') problems.add(u.id);
  for (const r of v.rows) for (const id of [...r.excluded, ...r.unapproved, ...r.missing]) problems.add(id);
  return v.units
    .filter((u) => filter === 'all' || problems.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, reported: u.reported, note: u.reported ? (u.status === 'approved' ? null : 'chưa duyệt') : 'chưa gửi' }));
}

function Matrix({ view: v, onDrill }: { view: MergeView; onDrill: (r: MergeRow) => void }) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState<UnitFilter>('all');
  // Each unit's parts come when a measure is opened (the view carries only the parts' totals).
  const [cells, setCells] = useState<{ view: MergeView; byMeasure: Record<number, MergeBreakdown> }>({ view: v, byMeasure: {} });
  const loaded = cells.view === v ? cells.byMeasure : {};
  const [loadError, setLoadError] = useState<string | null>(null);
  const flip = (id: number) => {
    const opening = !open.has(id);
    setOpen((o) => (o.has(id) ? new Set([...o].filter((x) => x !== id)) : new Set([...o, id])));
    if (opening && !loaded[id]) {
      api.call('merge-breakdown', { periodId: v.period.id, measureId: id }).then(
        (b) => setCells((c) => ({ view: v, byMeasure: { ...(c.view === v ? c.byMeasure : {}), [id]: b } })),
        (e: Error) => setLoadError(e.message),
      );
    }
  };
  const districts = v.tree.filter((t) => t.depth === 1 && v.tree.some((x) => x.parentId === t.id));
  const shownFilter = districts.some((d) => `d${d.id}` === filter) || !filter.startsWith('d') ? filter : 'all';
  const units = unitColumns(v, shownFilter);
  // A large tree's view has the children's figures only: a province's communes' come when they are shown.
  const under = useCellsUnder(v, shownFilter.startsWith('d') ? Number(shownFilter.slice(1)) : null);
  let goal = '';
  const planOfGoal = sectionBreaks(v, 'goal');
  let indicator = '';
  const hasPrevious = Boolean(v.rows[0]?.previous);
  const span = 5 + units.length + (hasPrevious ? 1 : 0) + 1;
  const staleCount = v.rows.filter((r) => r.override?.stale).length;
  return (
    <>
      <div className="filter-bar matrix-bar">
        <label>
          Cột đơn vị{' '}
          <select aria-label="Cột đơn vị" value={filter} onChange={(e) => setFilter(e.target.value as UnitFilter)}>
            <option value="all">Tất cả đơn vị ({v.units.length})</option>
            <option value="problems">Chỉ đơn vị cần xem ({unitColumns(v, 'problems').length})</option>
            {districts.map((d) => (
              <option key={d.id} value={`d${d.id}`}>
                Các xã của {d.name} ({v.tree.filter((x) => x.parentId === d.id).length})
              </option>
            ))}
          </select>
        </label>
        <span className="legend small">
          <span className="legend-unapproved">số</span> báo cáo chưa duyệt · <span className="legend-excluded">số</span> không tính vào tổng (rê chuột xem lý do) · "từ 2/3 xã": đơn vị chưa gửi, lấy tổng của xã đã gửi
        </span>
        {staleCount ? (
          <span className="warn-text small" role="note">
            {staleCount} số sửa tay có thể đã cũ (số tính được đã thay đổi)
          </span>
        ) : null}
      </div>
      <div className="table-scroll merge-scroll">
        <ErrorBox message={loadError ?? under.error} />
        <table className="table merge-table" aria-label="Bảng tổng hợp" data-period={v.period.id}>
          <thead>
            <tr>
              <th className="fz fz-code">Mã</th>
              <th className="fz fz-name">Chỉ tiêu</th>
              <th className="fz fz-total num">Tổng hợp</th>
              <th className="fz fz-target num">Chỉ tiêu năm {v.period.year}</th>
              <th className="fz fz-assess">Đánh giá</th>
              {hasPrevious ? <th className="num col-prev">{v.rows[0]!.previous!.periodName}</th> : null}
              <th className="col-unit-label">ĐVT</th>
              {units.map((u) => (
                <th key={u.id} className={u.reported ? 'num unit-col' : 'num unit-col unit-missing'} title={u.note ? `${u.name}: ${u.note}` : u.name}>
                  {u.name}
                  {u.note ? <div className="unit-note">{u.note}</div> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.length === 0 ? (
              <tr>
                <td className="fz fz-code" />
                <td className="fz fz-name muted" colSpan={1}>
                  Không có đơn vị nào cần xem: mọi báo cáo đã gửi, đã duyệt và đều được tính.
                </td>
                <td colSpan={span - 2} />
              </tr>
            ) : null}
            {v.rows.map((r) => {
              const rate = r.valueKind === 'rate';
              const dp = r.displayDecimals;
              const heads = [];
              if (r.goalCode !== goal) {
                goal = r.goalCode;
                const plan = planOfGoal(r.goalCode);
                if (plan)
                  heads.push(
                    <tr key={`s${r.goalCode}`} className="row-section">
                      <td className="fz fz-code" />
                      <td className="fz fz-name">{plan}</td>
                      <td colSpan={span - 2} />
                    </tr>,
                  );
                heads.push(
                  <tr key={`g${r.goalCode}`} className="row-goal">
                    <td className="fz fz-code">{r.goalCode}</td>
                    <td className="fz fz-name">{r.goalTitle}</td>
                    <td colSpan={span - 2} />
                  </tr>,
                );
              }
              if (`${r.goalCode}.${r.indicatorCode}` !== indicator) {
                indicator = `${r.goalCode}.${r.indicatorCode}`;
                heads.push(
                  <tr key={`i${r.goalCode}${r.indicatorCode}`} className="row-indicator">
                    <td className="fz fz-code">CT {r.indicatorCode}</td>
                    <td className="fz fz-name">{r.indicatorTitle}</td>
                    <td colSpan={span - 2} />
                  </tr>,
                );
              }
              return (
                <Fragment key={r.measureId}>
                  {heads}
                  <tr data-measure-code={r.code}>
                    <td className="fz fz-code muted">{r.code}</td>
                    <td className="fz fz-name">
                      {r.name}
                      <div className="measure-meta">
                        {ROLLUPS[r.rollup]}
                        {r.rollup === 'lead' && r.leadUnitName ? `: ${r.leadUnitName}` : ''}
                        <CatalogueTag linked={r.catalogueIndicator} />
                        {r.valueKind === 'rate' && fractionText(r) ? <div>{fractionText(r)}</div> : null}
                      </div>
                      {r.breakdown ? (
                        <button type="button" className="link breakdown-toggle" aria-expanded={open.has(r.measureId)} onClick={() => flip(r.measureId)}>
                          {open.has(r.measureId) ? '▾' : '▸'} Phân tổ theo {r.breakdown.name} ({r.breakdown.parts.length} nhóm)
                        </button>
                      ) : null}
                      {r.breakdown?.withoutBreakdown.length ? (
                        <div className="small warn-text" title={withoutBreakdownText(v, r) ?? undefined}>
                          {r.breakdown.withoutBreakdown.length} đơn vị chưa phân tổ
                        </div>
                      ) : null}
                    </td>
                    <td className={`fz fz-total num${r.override?.stale ? ' total-stale' : ''}`}>
                      {r.override ? (
                        <span className={r.override.stale ? 'chip chip-override chip-stale' : 'chip chip-override'} title={r.override.stale ? `Số sửa tay có thể đã cũ: khi sửa, số tính được là ${fmt(r.override.stale.computedThen, dp)}; nay là ${fmt(r.override.stale.computedNow, dp)}` : `Sửa tay: ${r.override.reason}`}>
                          {r.override.stale ? 'sửa tay · cần xem' : 'sửa tay'}
                        </span>
                      ) : null}
                      <button type="button" className="link total-link" onClick={() => onDrill(r)} aria-label={`Chi tiết tổng hợp chỉ tiêu ${r.code}`}>
                        {r.total.value === null ? '—' : fmt(r.total.value, dp)}
                      </button>
                      {r.missing.length ? <div className="small warn-text">thiếu {r.missing.length} đơn vị</div> : null}
                      {r.unapproved.length ? <div className="small unapproved-text" title={`Gồm ${r.unapproved.length} báo cáo chưa duyệt (ô vàng)`}>{r.unapproved.length} chưa duyệt</div> : null}
                      {r.excluded.length ? <div className="small muted" title="Số đã gửi nhưng không tính vào tổng; rê chuột lên ô gạch ngang để xem lý do">{r.excluded.length} không tính</div> : null}
                      {r.toCheck.length ? <div className="small warn-text" title="Số của đơn vị có cảnh báo chưa đánh dấu đã kiểm tra (xem ở trang Kỳ báo cáo, dòng của đơn vị)">{r.toCheck.length} số cần kiểm tra</div> : null}
                    </td>
                    <td className="fz fz-target num">{r.targetText}</td>
                    <td className="fz fz-assess">
                      <span className={`chip assess assess-${r.assessment}`}>{ASSESSMENTS[r.assessment]}</span>
                    </td>
                    {r.previous ? (
                      <td className="num col-prev">
                        {fmt(r.previous.value, dp)}
                        {r.previous.value !== null && r.total.value !== null ? <div className="small muted">{changeText(r.total.value - r.previous.value, rate)}</div> : null}
                      </td>
                    ) : null}
                    <td className="col-unit-label">{r.unitLabel}</td>
                    {units.map((u) => {
                      if (under.loading) {
                        return (
                          <td key={u.id} className="num muted">
                            …
                          </td>
                        );
                      }
                      const c = under.of(r).cells[u.id];
                      const excluded = r.excludedReasons[u.id];
                      const unapproved = r.unapproved.includes(u.id);
                      const classes = ['num'];
                      if (r.missing.includes(u.id)) classes.push('cell-missing');
                      if (excluded) classes.push('cell-excluded');
                      if (unapproved) classes.push('cell-unapproved');
                      const toCheck = r.toCheck.includes(u.id);
                      if (toCheck) classes.push('cell-tocheck');
                      return (
                        <td key={u.id} className={classes.join(' ')} title={[excluded ? `Không tính vào tổng: ${excluded}` : unapproved ? `${u.name}: báo cáo chưa duyệt (vẫn được tính)` : '', toCheck ? 'Số cần kiểm tra (có cảnh báo chưa đánh dấu)' : ''].filter(Boolean).join('. ') || undefined}>
                          {fmt(c?.value ?? null, dp)}
                          {c?.derivedFrom ? (
                            <div className="small muted" title={`${u.name} chưa gửi báo cáo: số này là tổng của ${c.derivedFrom}/${c.derivedOf ?? c.derivedFrom} xã đã gửi`}>
                              từ {c.derivedFrom}/{c.derivedOf ?? c.derivedFrom} xã
                            </div>
                          ) : null}
                          {excluded ? <div className="small muted">không tính</div> : null}
                          {toCheck ? <div className="small warn-text">cần kiểm tra</div> : null}
                        </td>
                      );
                    })}
                  </tr>
                  {r.breakdown && open.has(r.measureId)
                    ? (loaded[r.measureId] ?? r.breakdown).parts.map((p) => (
                        <tr key={`p${p.comboId}`} className="row-part" data-part={`${r.code}/${p.key}`}>
                          <td className="fz fz-code" />
                          <td className="fz fz-name part-label">– {p.label}</td>
                          <td className="fz fz-total num">{fmt(p.total.value, dp)}</td>
                          <td className="fz fz-target" />
                          <td className="fz fz-assess" />
                          {r.previous ? <td className="col-prev" /> : null}
                          <td className="col-unit-label">{r.unitLabel}</td>
                          {units.map((u) => (
                            <td key={u.id} className="num">
                              {loaded[r.measureId] ? fmt(p.cells[u.id]?.value ?? null, dp) : <span className="muted">…</span>}
                            </td>
                          ))}
                        </tr>
                      ))
                    : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DrillDown({ view: v, row: shown, onClose, onChanged }: { view: MergeView; row: MergeRow; onClose: () => void; onChanged: (message: string) => void }) {
  // Every unit's figure of this measure (a large tree's view came with the children's only).
  const whole = useWholeRow(v, shown);
  const r = whole.row ?? shown;
  const rate = r.valueKind === 'rate';
  const dp = r.displayDecimals;
  const [text, setText] = useState(r.override?.value === null || !r.override ? '' : formatVnNumber(r.override.value));
  const [reason, setReason] = useState('');
  const [chart, setChart] = useState<'units' | 'trend' | null>(null);
  const act = useAction();
  const submit = (value: number | null) =>
    act.run(async () => {
      await api.call('merge-override', { periodId: v.period.id, measureId: r.measureId, value, reason });
      setReason('');
      onChanged(value === null ? `Đã bỏ số sửa tay của chỉ tiêu ${r.code}.` : `Đã sửa số tổng hợp chỉ tiêu ${r.code}.`);
    });
  const name = (id: number) => v.units.find((u) => u.id === id)?.name ?? `Đơn vị ${id}`;
  return (
    <Dialog title={`Chỉ tiêu ${r.code}: cách tính tổng hợp`} onClose={onClose} wide>
      <p>
        <b>{r.name}</b> ({r.unitLabel}) — {ROLLUPS[r.rollup]}
        {r.rollup === 'lead' && r.leadUnitName ? ` (${r.leadUnitName})` : ''}.
      </p>
      <div className="chart-switch" role="group" aria-label="Biểu đồ">
        <button type="button" aria-pressed={chart === 'units'} onClick={() => setChart(chart === 'units' ? null : 'units')}>
          {chart === 'units' ? 'Ẩn biểu đồ so sánh' : 'Biểu đồ so sánh các đơn vị'}
        </button>
        <button type="button" aria-pressed={chart === 'trend'} onClick={() => setChart(chart === 'trend' ? null : 'trend')}>
          {chart === 'trend' ? 'Ẩn xu hướng' : 'Xu hướng qua các kỳ'}
        </button>
      </div>
      {chart === 'units' ? <UnitsView periodId={v.period.id} measureId={r.measureId} /> : null}
      {chart === 'trend' ? <TrendView periodId={v.period.id} measureId={r.measureId} /> : null}
      <ErrorBox message={whole.error} />
      {whole.row ? (
        <table className="table table-compact" aria-label="Đóng góp của từng đơn vị">
          <thead>
            <tr>
              <th>Đơn vị</th>
              {rate ? (
                <>
                  <th className="num">Tử số</th>
                  <th className="num">Mẫu số</th>
                </>
              ) : null}
              <th className="num">Kết quả</th>
              <th>Được tính</th>
              {r.previous ? <th className="num">{r.previous.periodName}</th> : null}
            </tr>
          </thead>
          <tbody>
            {v.units.filter((u) => r.cells[u.id] || r.missing.includes(u.id) || r.contributing.includes(u.id)).flatMap((u) => {
              const below = v.tree.filter((t) => t.depth > 1 && r.cells[t.id] && isUnder(v, t.id, u.id));
              return [u, ...below].map((x) => {
                const c = r.cells[x.id];
                const top = x.id === u.id;
                const counted = r.contributing.includes(x.id);
                const prev = r.previousByUnit[x.id];
                return (
                  <tr key={x.id} className={top ? undefined : 'row-sub'}>
                    <td className={top ? undefined : 'indent'}>
                      {x.name}
                      {c?.derivedFrom ? <div className="small muted">chưa gửi báo cáo: tổng của {c.derivedFrom}/{c.derivedOf ?? c.derivedFrom} xã trực thuộc</div> : null}
                      {r.unapproved.includes(x.id) ? <div className="small unapproved-text">báo cáo chưa duyệt</div> : null}
                      {r.toCheck.includes(x.id) ? <div className="small warn-text">số có cảnh báo chưa kiểm tra</div> : null}
                    </td>
                    {rate ? (
                      <>
                        <td className="num">{fmt(c?.numerator ?? null, false)}</td>
                        <td className="num">{fmt(c?.denominator ?? null, false)}</td>
                      </>
                    ) : null}
                    <td className="num">{fmt(c?.value ?? null, dp)}</td>
                    <td className={r.excludedReasons[x.id] ? 'warn-text' : undefined}>{!top ? 'qua đơn vị cấp trên' : counted ? 'có' : r.missing.includes(x.id) ? 'chưa có số liệu' : r.excludedReasons[x.id] ? `không: ${r.excludedReasons[x.id]}` : '—'}</td>
                    {r.previous ? (
                      <td className="num">
                        {prev ? fmt(prev.value, dp) : '—'}
                        {prev?.fromUnits ? <div className="small muted">gộp từ {prev.fromUnits.join(', ')}</div> : null}
                        {prev?.note ? <div className="small warn-text">{prev.note}</div> : null}
                      </td>
                    ) : null}
                  </tr>
                );
              });
            })}
            <tr className="row-goal">
              <td>Tổng hợp</td>
              {rate ? (
                <>
                  <td className="num">{fmt(r.computed.numerator, false)}</td>
                  <td className="num">{fmt(r.computed.denominator, false)}</td>
                </>
              ) : null}
              <td className="num">{fmt(r.computed.value, dp)}</td>
              <td>{r.contributing.length} đơn vị</td>
              {r.previous ? <td className="num">{fmt(r.previous.value, dp)}</td> : null}
            </tr>
          </tbody>
        </table>
      ) : (
        <Loading />
      )}
      {rate && r.rollup === 'ratio' && r.computed.value !== null ? (
        <p className="field-hint">
          = {fmt(r.computed.numerator, false)} / {fmt(r.computed.denominator, false)} × {formatVnNumber(r.rateFactor!)} = {fmt(r.computed.value, dp)}
        </p>
      ) : null}
      {r.missing.length ? <p className="warn-text">Chưa có số liệu của: {r.missing.map(name).join(', ')}.</p> : null}
      {r.breakdown && whole.row ? <BreakdownDrill view={v} row={whole.row} /> : null}
      <form
        className="override-form"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseVnNumber(text);
          if (!parsed.ok) return act.setError(`Số tổng hợp: ${parsed.error}.`);
          void submit(parsed.value);
        }}
      >
        <h3>Sửa số tổng hợp</h3>
        {r.override?.stale ? (
          <div className="stale-box" role="alert">
            <p>
              <b>Số sửa tay có thể đã cũ.</b> Khi sửa ({formatIsoDate(r.override.at.slice(0, 10))}), số tính được là <b>{fmt(r.override.stale.computedThen, dp)}</b>; nay có báo cáo mới nên số tính được là <b>{fmt(r.override.stale.computedNow, dp)}</b>. Báo cáo vẫn đang dùng số sửa tay {fmt(r.override.value, dp)}.
            </p>
            <div className="form-actions">
              <button
                type="button"
                disabled={act.busy}
                onClick={() =>
                  void act.run(async () => {
                    await api.call('merge-override', { periodId: v.period.id, measureId: r.measureId, value: r.override!.value, reason: `Giữ số sửa tay ${fmt(r.override!.value, dp)} khi số tính được đổi từ ${fmt(r.override!.stale!.computedThen, dp)} thành ${fmt(r.override!.stale!.computedNow, dp)}` });
                    onChanged(`Đã giữ số sửa tay của chỉ tiêu ${r.code}.`);
                  })
                }
              >
                Giữ số sửa tay {fmt(r.override.value, dp)}
              </button>
              <button
                type="button"
                className="primary"
                disabled={act.busy}
                onClick={() =>
                  void act.run(async () => {
                    await api.call('merge-override', { periodId: v.period.id, measureId: r.measureId, value: null, reason: `Bỏ số sửa tay: số tính được đã đổi thành ${fmt(r.override!.stale!.computedNow, dp)}` });
                    onChanged(`Đã bỏ số sửa tay của chỉ tiêu ${r.code}; dùng số tính được.`);
                  })
                }
              >
                Bỏ, dùng số tính được {fmt(r.override.stale.computedNow, dp)}
              </button>
            </div>
          </div>
        ) : null}
        {r.override ? (
          <p className="override-note">
            Đang dùng số sửa tay <b>{fmt(r.override.value, dp)}</b> thay cho số tính được {fmt(r.computed.value, dp)} — lý do: “{r.override.reason}” ({r.override.by || 'không rõ người sửa'}, {formatIsoDate(r.override.at.slice(0, 10))}).
          </p>
        ) : (
          <p className="field-hint">Khi số cộng dồn chưa đúng (ví dụ số liệu chính thức của ngành khác), nhập số đúng và lý do; số tính được và lịch sử sửa vẫn được lưu.</p>
        )}
        <div className="form-row">
          <label className="field">
            <span>Số tổng hợp dùng trong báo cáo</span>
            <input aria-label="Số tổng hợp dùng trong báo cáo" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <label className="field" style={{ flex: '3 1 20rem' }}>
            <span>Lý do sửa (bắt buộc)</span>
            <input aria-label="Lý do sửa" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
        </div>
        <ErrorBox message={act.error} />
        <div className="form-actions">
          {r.override ? (
            <button type="button" disabled={act.busy} onClick={() => void submit(null)}>
              Bỏ số sửa tay
            </button>
          ) : null}
          <button type="submit" className="primary" disabled={act.busy}>
            Lưu số sửa
          </button>
        </div>
        {r.overrideHistory.length ? (
          <details>
            <summary>Lịch sử sửa ({r.overrideHistory.length})</summary>
            <ul className="small">
              {r.overrideHistory.map((h, i) => (
                <li key={i}>
                  {formatIsoDate(h.at.slice(0, 10))} · {h.by || 'không rõ người sửa'}: {h.value === null ? 'bỏ số sửa tay' : `dùng ${fmt(h.value, dp)}`} (số tính được {fmt(h.computedValue, dp)}) — “{h.reason}”
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </form>
    </Dialog>
  );
}

/** A broken-down measure in the drill-down: each unit's parts, and the compiled parts. */
function BreakdownDrill({ view: v, row: r }: { view: MergeView; row: MergeRow }) {
  const opened = useAsync(() => api.call('merge-breakdown', { periodId: v.period.id, measureId: r.measureId }), [v, r.measureId]);
  if (opened.error) return <ErrorBox message={opened.error} />;
  if (!opened.data) return <Loading />;
  const b = opened.data;
  const rate = r.valueKind === 'rate';
  const dp = r.displayDecimals;
  const units = v.tree.filter((u) => b.parts.some((p) => p.cells[u.id]) || r.cells[u.id]);
  const without = withoutBreakdownText(v, r);
  return (
    <section className="breakdown-drill">
      <h3>Phân tổ theo {b.name}</h3>
      {without ? <p className="warn-text">{without}. Tổng số của các đơn vị này có trong Tổng hợp nhưng không có trong các nhóm, nên các nhóm cộng lại nhỏ hơn Tổng hợp.</p> : null}
      <div className="preview-scroll">
        <table className="table table-compact" aria-label="Phân tổ theo đơn vị">
          <thead>
            <tr>
              <th>Đơn vị</th>
              {b.parts.map((p) => (
                <th key={p.comboId} className="num">
                  {p.label}
                </th>
              ))}
              <th className="num">Tổng số</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id} className={u.depth > 1 ? 'row-sub' : undefined}>
                <td className={u.depth > 1 ? 'indent' : undefined}>{u.name}</td>
                {b.parts.map((p) => {
                  const c = p.cells[u.id];
                  return (
                    <td key={p.comboId} className="num" title={rate && c ? `${fmt(c.numerator, false)} / ${fmt(c.denominator, false)}` : undefined}>
                      {fmt(c?.value ?? null, dp)}
                    </td>
                  );
                })}
                <td className="num">{fmt(r.cells[u.id]?.value ?? null, dp)}</td>
              </tr>
            ))}
            <tr className="row-goal">
              <td>Tổng hợp</td>
              {b.parts.map((p) => (
                <td key={p.comboId} className="num">
                  {fmt(p.total.value, dp)}
                </td>
              ))}
              <td className="num">{fmt(r.computed.value, dp)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What each unit wrote under I–IV, and the compiler's draft built from it, to rewrite into one text. */
function Narratives(props: {
  view: MergeView;
  drafts: Record<string, string>;
  onChange: (d: Record<string, string>) => void;
  taskDrafts: Record<number, string>;
  onTaskChange: (d: Record<number, string>) => void;
}) {
  const { view: v, drafts, onChange } = props;
  const planOfTask = sectionBreaks(v, 'task');
  return (
    <div className="narratives">
      <p className="field-hint">Bản nháp ghép nội dung của từng đơn vị; sửa thành một bài viết rồi bấm "Lưu báo cáo tổng hợp".</p>
      {v.narratives.map((n) => (
        <div key={n.key} className="narrative-block">
          <label className="field">
            <span>{n.label}</span>
            <textarea rows={7} aria-label={n.label} value={drafts[n.key] ?? n.draft} onChange={(e) => onChange({ ...drafts, [n.key]: e.target.value })} />
          </label>
          {n.parts.length ? (
            <details>
              <summary>Nội dung gốc của {n.parts.length} đơn vị</summary>
              <ul className="small">
                {n.parts.map((p) => (
                  <li key={p.unitName}>
                    <b>{p.unitName}:</b> {p.text}
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <p className="muted small">Chưa đơn vị nào viết phần này.</p>
          )}
        </div>
      ))}
      {v.tasks.length ? (
        <>
          <h2>Tiến độ thực hiện nhiệm vụ</h2>
          <p className="task-counts" aria-label="Số nhiệm vụ theo tình trạng">
            {Object.entries(TASK_STATUSES).map(([k, label]) => `${label}: ${v.taskCounts[k as TaskStatus]}`).join(' · ')} · Chưa có báo cáo{v.tasks.every((t) => t.statusFrom === 'lead') ? ' của đơn vị chủ trì' : ''}: {v.taskCounts.no_report}
          </p>
        </>
      ) : null}
      {v.tasks.map((t) => (
        <div key={t.taskId} className="narrative-block">
          {(() => {
            const plan = planOfTask(t.key);
            return plan ? <h3 className="section-heading">{plan}</h3> : null;
          })()}
          <label className="field">
            <span>
              {t.key}. {t.content} <span className="muted">(chủ trì: {t.leadName})</span>{' '}
              <span className={`chip task-${t.status ?? 'none'}`}>{t.status ? TASK_STATUSES[t.status] : t.statusFrom === 'lead' ? 'Chủ trì chưa báo cáo' : 'Chưa có báo cáo'}</span>
            </span>
            <textarea rows={3} aria-label={`Nhiệm vụ ${t.key}`} value={props.taskDrafts[t.taskId] ?? t.draft} onChange={(e) => props.onTaskChange({ ...props.taskDrafts, [t.taskId]: e.target.value })} />
          </label>
        </div>
      ))}
    </div>
  );
}

function changeText(delta: number, rate: boolean): string {
  if (Math.abs(delta) < 1e-9) return 'không đổi';
  return `${delta > 0 ? 'tăng' : 'giảm'} ${formatVnNumber(Math.abs(delta), rate ? { decimals: 2 } : { maxDecimals: 2 })}`;
}

/** Whether a unit of the period's tree is below another one. */
function isUnder(v: MergeView, id: number, ancestorId: number): boolean {
  let parent = v.tree.find((t) => t.id === id)?.parentId;
  for (let guard = 0; parent !== undefined && guard < 50; guard++) {
    if (parent === ancestorId) return true;
    parent = v.tree.find((t) => t.id === parent)?.parentId;
  }
  return false;
}
