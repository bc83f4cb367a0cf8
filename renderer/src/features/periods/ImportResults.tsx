import { useState } from 'react';
import type { ImportFileResult, UnitReportStatus } from '../../../../shared/api/types';
import { formatIsoDate } from '../../../../shared/domain/org-units';

const OUTCOME: Record<ImportFileResult['outcome'], string> = {
  imported: 'Đã nhận',
  rejected: 'Không nhận (có lỗi)',
  needs_replace: 'Đơn vị đã có báo cáo — thay thế?',
  needs_confirmation: 'Cần xác nhận đơn vị',
};

/** What happened to each file, with every problem, and the questions that need an answer. */
export function ImportResults(props: {
  results: ImportFileResult[];
  units: UnitReportStatus[];
  onRetry: (r: ImportFileResult, extra: { replace?: boolean; unitId?: number; confirmMatch?: boolean }) => void;
  onDismiss: () => void;
  /** A file of another period: switch to it and import the file there. */
  onSwitch: (r: ImportFileResult) => void;
}) {
  if (props.results.length === 0) return null;
  return (
    <section className="import-results" aria-label="Kết quả nhận tệp">
      <header>
        <h2>Kết quả nhận tệp</h2>
        <button type="button" className="link" onClick={props.onDismiss}>
          Ẩn
        </button>
      </header>
      <ul>
        {props.results.map((r, i) => (
          <li key={`${r.fileName}-${i}`} className={`import-${r.outcome}`}>
            <div className="import-line">
              <b>{r.fileName}</b> — {OUTCOME[r.outcome]}
              {r.outcome === 'imported' ? ` (${r.unitName}, lần ${r.revision})` : ''}
            </div>
            {r.problems.length > 0 ? (
              <ul className="problems">
                {r.problems.map((p, j) => (
                  <li key={j} className={`problem-${p.severity}`}>
                    {p.severity === 'error' ? 'Lỗi: ' : p.severity === 'warning' ? 'Cần kiểm tra: ' : 'Để biết: '}
                    {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {r.outcome === 'needs_replace' && r.current ? (
              <div className="import-question">
                {r.unitName} đã có báo cáo lần {r.current.revision} nhận ngày {formatIsoDate(r.current.receivedAt.slice(0, 10))}
                {r.current.fileName ? ` (${r.current.fileName})` : ''}. Báo cáo cũ vẫn được lưu lại.{' '}
                <button type="button" className="primary" onClick={() => props.onRetry(r, { replace: true })}>
                  Thay thế bằng tệp này
                </button>
              </div>
            ) : null}
            {r.otherPeriod ? (
              <div className="import-question">
                Tệp này là báo cáo của kỳ "{r.otherPeriod.name}".{' '}
                <button type="button" className="primary" onClick={() => props.onSwitch(r)}>
                  Chuyển sang kỳ "{r.otherPeriod.name}" và nhận tệp
                </button>
              </div>
            ) : null}
            {r.outcome === 'needs_confirmation' ? <ConfirmUnit result={r} units={props.units} onConfirm={(unitId) => props.onRetry(r, { unitId, confirmMatch: true })} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConfirmUnit(props: { result: ImportFileResult; units: UnitReportStatus[]; onConfirm: (unitId: number) => void }) {
  const [unitId, setUnitId] = useState(String(props.result.unitId ?? ''));
  return (
    <div className="import-question">
      <label>
        Báo cáo của đơn vị{' '}
        <select aria-label={`Đơn vị của tệp ${props.result.fileName}`} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">(chọn đơn vị)</option>
          {props.units.map((u) => (
            <option key={u.unitId} value={u.unitId}>
              {u.unitName}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" className="primary" disabled={!unitId} onClick={() => props.onConfirm(Number(unitId))}>
        Xác nhận và nhận tệp
      </button>
    </div>
  );
}
