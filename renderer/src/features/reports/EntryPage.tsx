import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReportEntry, UnitReview } from '../../../../shared/api/types';
import { setLeaveGuard } from '../../app/router';
import { ReviewPanel } from '../periods/ReviewPanel';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { api } from '../../api';
import { useAsync } from '../../app/use-async';
import { Tabs } from '../../components/Tabs';
import { ErrorBox, Loading, useToast } from '../../components/Feedback';
import { LockBanner } from '../../components/LockBanner';
import { UnlockDialog } from '../../components/UnlockDialog';
import { ValueHistoryDialog } from './ValueHistoryDialog';
import { DataGrid, type CellChange } from '../../components/grid/DataGrid';
import { NARRATIVE_SECTIONS } from '../../../../shared/domain/narratives';
import { fractionText } from '../../../../shared/domain/who-reports';
import { TASK_STATUSES, type TaskReport, type TaskStatus } from '../../../../shared/domain/task-status';
import { formatVnNumber, parseVnNumber } from '../../../../shared/domain/vn-number';
import { targetOwnerLabel } from '../../../../shared/domain/periods';
import { COLUMNS, cellError, cellKey, type CellField, displayText, entryRows, fieldOf, hasErrors, initialTexts, isEditable, measureOfKey, readMeasure } from './entry-model';

const AUTOSAVE_MS = 700;
type Edit = { key: string; before: string; after: string };

/** A unit's report typed in like Excel (paper or phone reports), saved as you go. */
export function EntryPage({ periodId, unitId }: { periodId: number; unitId: number }) {
  const [version, setVersion] = useState(0);
  const entry = useAsync(() => api.call('report-entry-get', { periodId, unitId }), [periodId, unitId, version]);
  const review = useAsync(() => api.call('report-review', { periodId, unitId }), [periodId, unitId, version]);
  if (entry.error) return <ErrorBox message={entry.error} />;
  if (!entry.data) return <Loading />;
  return <EntryEditor key={`${periodId}-${unitId}-${version}`} entry={entry.data} review={review.data ?? null} onReviewChanged={review.reload} onReload={() => setVersion((v) => v + 1)} />;
}

function EntryEditor({ entry, review, onReviewChanged, onReload }: { entry: ReportEntry; review: UnitReview | null; onReviewChanged: () => void; onReload: () => void }) {
  const locked = entry.lock !== null;
  const [reviewOpen, setReviewOpen] = useState(false);
  const [activeRow, setActiveRow] = useState(0);
  const [dialog, setDialog] = useState<'history' | 'unlock' | null>(null);
  const toast = useToast();
  const [texts, setTexts] = useState(() => initialTexts(entry.measures, entry.values));
  const [narratives, setNarratives] = useState<Record<string, string>>(entry.narratives);
  const [progress, setProgress] = useState<Record<number, TaskReport>>(entry.taskProgress);
  const taskOf = (taskId: number): TaskReport => progress[taskId] ?? { taskId, status: null, progress: '', events: null, participants: null, funds: null };
  /** The figure typed for a task: a number, or null; what is not a number is kept out (the field says so). */
  const [figureErrors, setFigureErrors] = useState<Record<string, string>>({});
  const setTask = (taskId: number, patch: Partial<TaskReport>) => {
    setProgress((p) => ({ ...p, [taskId]: { ...taskOf(taskId), ...patch } }));
    dirty.current.tasks.add(taskId);
    schedule();
  };
  // A unit with no measure to report starts on its tasks.
  const [tab, setTab] = useState<'values' | 'narratives' | 'tasks'>(entry.measures.length === 0 && entry.tasks.length > 0 ? 'tasks' : 'values');
  const [saveState, setSaveState] = useState<{ text: string; error?: boolean }>({ text: entry.report ? `Báo cáo lần ${entry.report.revision}` : 'Chưa có số liệu' });
  const history = useRef<{ undo: Edit[][]; redo: Edit[][] }>({ undo: [], redo: [] });
  const dirty = useRef<{ measures: Set<number>; narratives: Set<string>; tasks: Set<number> }>({ measures: new Set(), narratives: new Set(), tasks: new Set() });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ texts, narratives, progress });
  latest.current = { texts, narratives, progress };
  const [height, setHeight] = useState(() => Math.max(260, window.innerHeight - 320));
  useEffect(() => {
    const on = () => setHeight(Math.max(260, window.innerHeight - 320));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);

  // Rows are read again only when one of their own cells changed (apply() notes which): a commit
  // in a 2.000-row report must not read every row again.
  const lastReadings = useRef<ReturnType<typeof readMeasure>[] | null>(null);
  const changedRows = useRef(new Set<number>());
  const readings = useMemo(() => {
    const prev = lastReadings.current;
    const changed = changedRows.current;
    const next = prev && prev.length === entry.measures.length ? prev.map((r, i) => (changed.has(entry.measures[i]!.id) ? readMeasure(entry.measures[i]!, texts) : r)) : entry.measures.map((m) => readMeasure(m, texts));
    changedRows.current = new Set();
    lastReadings.current = next;
    return next;
  }, [entry.measures, texts]);
  const invalidCount = readings.filter(hasErrors).length;
  // Broken-down measures show their parts under the total; a measure can be closed to its total.
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const rows = useMemo(() => entryRows(entry.measures, collapsed), [entry.measures, collapsed]);
  const brokenDown = entry.measures.filter((m) => m.breakdown);
  const toggle = (measureId: number, open?: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (open ?? next.has(measureId)) next.delete(measureId);
      else next.add(measureId);
      return next;
    });

  const save = useCallback(async () => {
    const d = dirty.current;
    const { texts: t, narratives: n, progress: p } = latest.current;
    const ready = [...d.measures].map((id) => entry.measures.find((m) => m.id === id)!).map((m) => ({ m, r: readMeasure(m, t) })).filter((x) => !hasErrors(x.r));
    if (ready.length === 0 && d.narratives.size === 0 && d.tasks.size === 0) {
      if (d.measures.size) setSaveState({ text: `Chưa lưu: ${d.measures.size} chỉ tiêu còn lỗi`, error: true });
      return;
    }
    const narrativesToSave = Object.fromEntries([...d.narratives].map((k) => [k, n[k] ?? '']));
    const tasksToSave = [...d.tasks].map((taskId) => p[taskId] ?? { taskId, progress: '' });
    setSaveState({ text: 'Đang lưu…' });
    try {
      const r = await api.call('report-entry-save', {
        periodId: entry.period.id,
        unitId: entry.unit.id,
        // Every row of a changed measure: its total and all its parts (an emptied part is cleared).
        values: ready.flatMap((x) => x.r.values),
        narratives: narrativesToSave,
        taskProgress: tasksToSave,
      });
      for (const x of ready) d.measures.delete(x.m.id);
      d.narratives.clear();
      d.tasks.clear();
      const time = new Date(r.savedAt).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
      onReviewChanged();
      setSaveState(d.measures.size ? { text: `Đã lưu lúc ${time}; ${d.measures.size} chỉ tiêu còn lỗi chưa lưu`, error: true } : { text: `Đã lưu lúc ${time} (báo cáo lần ${r.revision})` });
    } catch (e) {
      setSaveState({ text: `Chưa lưu được: ${(e as Error).message}`, error: true });
    }
  }, [entry]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    setSaveState({ text: 'Có thay đổi chưa lưu…' });
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  }, [save]);
  useEffect(() => () => {
    clearTimeout(timer.current);
    void save();
  }, [save]);
  // Leaving with a wrong cell not saved asks first: the rest is saved, that cell would be lost.
  useEffect(() => {
    setLeaveGuard(() => {
      const bad = [...dirty.current.measures].map((id) => entry.measures.find((m) => m.id === id)!).filter((m) => hasErrors(readMeasure(m, latest.current.texts)));
      if (!bad.length) return null;
      return `${bad.length === 1 ? 'Chỉ tiêu' : 'Các chỉ tiêu'} ${bad.map((m) => m.code).join(', ')} có ô nhập sai (ô đỏ) nên chưa lưu được. Nếu rời trang, ${bad.length === 1 ? 'ô này' : 'các ô này'} sẽ bị bỏ; các số đúng khác đã được lưu.`;
    });
    return () => setLeaveGuard(null);
  }, [entry]);
  /** Warnings of the saved report by figure, to mark their cells. */
  const warnings = useMemo(() => {
    const out = new Map<string, string>();
    for (const i of review?.report?.items ?? []) if (i.at && i.severity === 'warning') out.set(cellKey(i.at.measureId, i.at.optionComboId === 1 ? null : i.at.optionComboId, i.at.field as CellField), i.detail);
    return out;
  }, [review]);

  const apply = (edits: Edit[], which: 'before' | 'after') => {
    setTexts((old) => {
      const next = new Map(old);
      for (const e of edits) next.set(e.key, e[which]);
      return next;
    });
    for (const e of edits) {
      const measureId = measureOfKey(e.key);
      dirty.current.measures.add(measureId);
      changedRows.current.add(measureId);
    }
    schedule();
  };

  const onChange = (changes: CellChange[]) => {
    const edits: Edit[] = [];
    for (const ch of changes) {
      const row = rows[ch.row]!;
      if (!isEditable(row, ch.col, readings[row.index]!)) continue;
      const field = fieldOf(row.measure, ch.col)!;
      const key = cellKey(row.measure.id, row.part?.id, field);
      const before = texts.get(key) ?? '';
      if (before !== ch.text) edits.push({ key, before, after: ch.text });
    }
    if (!edits.length) return;
    history.current.undo.push(edits);
    history.current.redo = [];
    apply(edits, 'after');
  };
  const undo = () => {
    const edits = history.current.undo.pop();
    if (!edits) return;
    history.current.redo.push(edits);
    apply(edits, 'before');
  };
  const redo = () => {
    const edits = history.current.redo.pop();
    if (!edits) return;
    history.current.undo.push(edits);
    apply(edits, 'after');
  };

  const raw = (r: number, c: number) => {
    const row = rows[r]!;
    const f = fieldOf(row.measure, c);
    return f ? (texts.get(cellKey(row.measure.id, row.part?.id, f)) ?? '') : '';
  };

  const active = rows[Math.min(activeRow, rows.length - 1)];
  const activeMeasure = active?.measure;
  return (
    <section
      className="page"
      onKeyDown={(e) => {
        // Alt+L: the history (lịch sử) of the value under the cursor.
        if (e.altKey && (e.key === 'l' || e.key === 'L') && activeMeasure) {
          e.preventDefault();
          setDialog('history');
        }
      }}
    >
      <nav className="crumbs" aria-label="Vị trí">
        <a href="#/">Kỳ báo cáo</a> › <span>{entry.period.name}</span> › <span>{entry.unit.name}</span>
      </nav>
      <header className="page-head">
        <div>
          <h1>Nhập báo cáo: {entry.unit.name}</h1>
          <p className="page-lead">
            {entry.period.name} · hạn gửi {formatIsoDate(entry.period.deadlines[0]?.dueOn ?? entry.period.dataTo)} ·{' '}
            {entry.report
              ? `${locked ? 'báo cáo' : 'đang sửa báo cáo'} lần ${entry.report.revision}${entry.report.source === 'file' ? ` (nhận từ tệp ${entry.report.fileName ?? ''}${locked ? '' : '; khi sửa sẽ lưu thành lần mới, tệp cũ giữ nguyên'})` : ''}`
              : locked
                ? 'chưa có báo cáo'
                : 'chưa có báo cáo, số liệu gõ vào sẽ được lưu ngay'}
          </p>
        </div>
        <div className={saveState.error ? 'save-state save-error' : 'save-state'} role="status" aria-label="Trạng thái lưu">
          {saveState.text}
          {invalidCount > 0 ? <div className="small">{invalidCount} chỉ tiêu có ô lỗi (ô đỏ; rê chuột để xem lý do)</div> : null}
        </div>
      </header>
      {entry.lock ? (
        <LockBanner unlockLabel={entry.lock.kind === 'period' ? 'Mở khoá kỳ…' : 'Mở khoá…'} onUnlock={() => setDialog('unlock')}>
          {entry.lock.message} Chỉ xem, không sửa được.
        </LockBanner>
      ) : null}
      {review && (review.rejected || review.toCheck > 0) ? (
        <div className={review.rejected ? 'review-banner review-banner-error' : 'review-banner'} role="note">
          <div>
            {review.rejected ? (
              <b>
                Tệp "{review.rejected.fileName}" đơn vị gửi lúc {formatIsoDate(review.rejected.at.slice(0, 10))} không được nhận vì có {review.rejected.items.filter((i) => i.severity === 'error').length} lỗi
                {entry.report ? `; lưới dưới đây là báo cáo lần ${entry.report.revision}.` : '; lưới dưới đây chưa có số nào.'}
              </b>
            ) : null}
            {review.toCheck > 0 ? <div>{review.toCheck} số liệu cần kiểm tra (ô vàng).</div> : null}
          </div>
          <button type="button" onClick={() => setReviewOpen(!reviewOpen)} aria-expanded={reviewOpen}>
            {reviewOpen ? 'Ẩn danh sách' : 'Xem danh sách lỗi'}
          </button>
        </div>
      ) : null}
      {review && reviewOpen ? <ReviewPanel review={review} onChanged={onReviewChanged} /> : null}
      <Tabs
        value={tab}
        onChange={setTab}
        tabs={[
          { key: 'values', label: `Số liệu (${entry.measures.length} chỉ tiêu)` },
          { key: 'narratives', label: 'Nội dung báo cáo' },
          { key: 'tasks', label: `Nhiệm vụ (${entry.tasks.length})` },
        ]}
      />
      {tab === 'values' && activeMeasure ? (
        <div className="toolbar grid-toolbar">
          <button type="button" onClick={() => setDialog('history')} title="Alt+L">
            Lịch sử số liệu chỉ tiêu {activeMeasure.code}
            {active?.part ? ` (${active.part.label})` : ''}…
          </button>
          {brokenDown.length ? (
            <button type="button" onClick={() => setCollapsed(collapsed.size ? new Set() : new Set(brokenDown.map((m) => m.id)))} title="Alt+← / Alt+→ trên một chỉ tiêu">
              {collapsed.size ? 'Mở mọi nhóm phân tổ' : 'Thu gọn các nhóm phân tổ'}
            </button>
          ) : null}
          <span className="muted small">
            {activeMeasure.valueKind === 'rate' && fractionText(activeMeasure) ? <b>{activeMeasure.code}: {fractionText(activeMeasure)}. </b> : null}
            Alt+L: lịch sử của ô đang chọn.{brokenDown.length ? ' Chỉ tiêu có phân tổ: nhập từng nhóm ở các dòng "–", dòng Tổng số tự cộng.' : ''}
          </span>
        </div>
      ) : null}
      {tab === 'values' && entry.measures.length === 0 ? (
        <p className="muted">
          Kế hoạch của kỳ này không giao chỉ tiêu nào cho {entry.unit.name}
          {entry.tasks.length ? ': hãy báo cáo ở thẻ "Nhiệm vụ" và "Nội dung báo cáo".' : '.'}
        </p>
      ) : null}
      {tab === 'values' && entry.measures.length > 0 ? (
        <DataGrid
          label="Bảng nhập số liệu"
          columns={COLUMNS.map((c) => (c.key === 'target' ? { ...c, title: `Chỉ tiêu ${targetOwnerLabel(entry.period.parentUnitName)}` } : c))}
          rowCount={rows.length}
          height={height}
          display={(r, c) => displayText(rows[r]!, c, texts, readings[rows[r]!.index]!, collapsed.has(rows[r]!.measure.id))}
          raw={raw}
          editable={(r, c) => !locked && isEditable(rows[r]!, c, readings[rows[r]!.index]!)}
          onActiveChange={(r) => setActiveRow(r)}
          error={(r, c) => cellError(rows[r]!, c, readings[rows[r]!.index]!)}
          warning={(r, c) => (c === 6 ? (warnings.get(cellKey(rows[r]!.measure.id, rows[r]!.part?.id, 'value')) ?? null) : null)}
          rowClass={(r) => (rows[r]!.part ? 'grid-row-part' : rows[r]!.measure.breakdown ? 'grid-row-total' : undefined)}
          onCellClick={(r, c) => {
            const row = rows[r]!;
            if (c === 0 && !row.part && row.measure.breakdown) toggle(row.measure.id);
          }}
          onKey={(e, r) => {
            // Alt+← closes a broken-down measure to its total, Alt+→ opens it again.
            const row = rows[r];
            if (!row?.measure.breakdown || !e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return false;
            toggle(row.measure.id, e.key === 'ArrowRight');
            return true;
          }}
          onChange={onChange}
          onUndo={undo}
          onRedo={redo}
        />
      ) : null}
      {tab === 'narratives' ? (
        <div className="narratives">
          {NARRATIVE_SECTIONS.map((s) => (
            <label key={s.key} className="field">
              <span>{s.label}</span>
              <textarea
                rows={6}
                value={narratives[s.key] ?? ''}
                readOnly={locked}
                onChange={(e) => {
                  setNarratives({ ...narratives, [s.key]: e.target.value });
                  dirty.current.narratives.add(s.key);
                  schedule();
                }}
              />
            </label>
          ))}
        </div>
      ) : null}
      {tab === 'tasks' ? (
        entry.tasks.length === 0 ? (
          <p className="muted">Kế hoạch của kỳ này không giao nhiệm vụ nào cho {entry.unit.name}.</p>
        ) : (
          <div className="narratives">
            {entry.tasks.map((t) => {
              const r = taskOf(t.id);
              const figure = (field: 'events' | 'participants' | 'funds', label: string) => {
                const key = `${t.id}:${field}`;
                return (
                  <label className="field field-small">
                    <span>{label}</span>
                    <input
                      inputMode="decimal"
                      aria-label={`${label} của nhiệm vụ ${t.key}`}
                      defaultValue={r[field] === null ? '' : formatVnNumber(r[field]!)}
                      readOnly={locked}
                      onChange={(e) => {
                        const text = e.target.value.trim();
                        const parsed = text ? parseVnNumber(text) : null;
                        const ok = parsed === null || (parsed.ok && parsed.value >= 0 && (field === 'funds' || Number.isInteger(parsed.value)));
                        setFigureErrors((f) => ({ ...f, [key]: ok ? '' : `${label}: "${text}" phải là ${field === 'funds' ? 'số' : 'số nguyên'} không âm` }));
                        if (ok) setTask(t.id, { [field]: parsed === null ? null : (parsed as { value: number }).value });
                      }}
                    />
                    {figureErrors[key] ? <span className="field-error">{figureErrors[key]}</span> : null}
                  </label>
                );
              };
              return (
                <fieldset key={t.id} className="task-report">
                  <legend>
                    {t.key}. {t.content} <span className="muted">({t.role === 'lead' ? 'chủ trì' : 'phối hợp'}; {t.timeframe})</span>
                  </legend>
                  <div className="form-row">
                    <label className="field field-small">
                      <span>Tình trạng</span>
                      <select aria-label={`Tình trạng nhiệm vụ ${t.key}`} value={r.status ?? ''} disabled={locked} onChange={(e) => setTask(t.id, { status: (e.target.value || null) as TaskStatus | null })}>
                        <option value="">(chưa chọn)</option>
                        {Object.entries(TASK_STATUSES).map(([k, v]) => (
                          <option key={k} value={k}>
                            {v}
                          </option>
                        ))}
                      </select>
                    </label>
                    {figure('events', 'Số hoạt động')}
                    {figure('participants', 'Số người tham gia')}
                    {figure('funds', 'Kinh phí (triệu đồng)')}
                  </div>
                  <label className="field">
                    <span>Kết quả thực hiện</span>
                    <textarea aria-label={`Kết quả thực hiện nhiệm vụ ${t.key}`} rows={3} value={r.progress} readOnly={locked} onChange={(e) => setTask(t.id, { progress: e.target.value })} />
                  </label>
                </fieldset>
              );
            })}
          </div>
        )
      ) : null}
      {dialog === 'history' && activeMeasure ? (
        <ValueHistoryDialog periodId={entry.period.id} unitId={entry.unit.id} unitName={entry.unit.name} measure={activeMeasure} part={active?.part ?? null} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'unlock' && entry.lock ? (
        <UnlockDialog
          title={entry.lock.kind === 'period' ? 'Mở khoá kỳ báo cáo' : 'Mở khoá báo cáo đã duyệt'}
          message={<p>{entry.lock.message} Sau khi mở khoá có thể sửa số; lý do được lưu vào lịch sử.</p>}
          onUnlock={async (reason) => {
            if (entry.lock!.kind === 'period') await api.call('period-unlock', { id: entry.period.id, reason });
            else await api.call('report-unlock', { id: entry.report!.id, reason });
            toast('Đã mở khoá.');
            onReload();
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
