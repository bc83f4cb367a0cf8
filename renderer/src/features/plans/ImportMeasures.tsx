import type { PlanImportPreview } from '../../../../shared/api/types';
import { DIRECTIONS, type Direction } from '../../../../shared/domain/measure';
import { targetHeader } from './plan-text';

/**
 * The measures a plan import found, with what it inferred of each (kind, which way is better, how
 * it rolls up) and why. Guesses it is not sure of are marked; the direction can be corrected here,
 * the rest on the plan screen after the import.
 */
export function ImportMeasures(props: { preview: PlanImportPreview; directions: Record<number, Direction>; onDirection: (row: number, d: Direction) => void }) {
  const p = props.preview;
  const unsure = p.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures)).filter((m) => m.guesses.some((x) => !x.sure) && props.directions[m.row] === undefined).length;
  return (
    <section aria-label="Chỉ số tìm thấy">
      <p className="import-summary">
        Trang <b>{p.sheetName}</b>: tìm thấy {p.goals.length} mục tiêu, {p.goals.reduce((n, g) => n + g.indicators.length, 0)} chỉ tiêu, {p.measureCount} chỉ số; cột chỉ tiêu:{' '}
        {p.targetColumns.map((t) => `${targetHeader(t)} (cột ${t.column})`).join(', ')}.
        {unsure ? (
          <>
            {' '}
            <b className="unsure-flag">{unsure} chỉ số cần kiểm tra</b> (đánh dấu ⚠): máy không chắc cách hiểu, hãy xem lý do và sửa nếu cần.
          </>
        ) : (
          ' Máy hiểu chắc chắn mọi chỉ số; lý do ghi ở cột cuối.'
        )}
      </p>
      <div className="preview-scroll">
        <table className="table table-compact" aria-label="Xem trước bảng chỉ tiêu">
          <thead>
            <tr>
              <th>TT</th>
              <th>Nội dung</th>
              <th>Đơn vị tính</th>
              {p.targetColumns.map((t) => (
                <th key={t.column} className="num">
                  {targetHeader(t)}
                </th>
              ))}
              <th>Máy hiểu là (và vì sao)</th>
            </tr>
          </thead>
          <tbody>
            {p.goals.map((g) => [
              <tr key={`g${g.code}`} className="row-goal">
                <td>{g.code}</td>
                <td colSpan={3 + p.targetColumns.length}>{g.title}</td>
              </tr>,
              ...g.indicators.flatMap((ind) =>
                ind.measures.map((m, mi) => {
                  const corrected = props.directions[m.row];
                  const doubtful = m.guesses.filter((x) => !x.sure && !(x.field === 'direction' && corrected));
                  return (
                    <tr key={`m${m.row}`} className={doubtful.length ? 'row-unsure' : undefined}>
                      <td>{mi === 0 ? `Chỉ tiêu ${ind.code}` : ''}</td>
                      <td>{m.name}</td>
                      <td>{m.unitLabel}</td>
                      {p.targetColumns.map((t) => (
                        <td key={t.column} className="num">
                          {m.targets.find((x) => x.year === t.year && x.isPhaseEnd === t.isPhaseEnd)?.text ?? ''}
                        </td>
                      ))}
                      <td className="guesses">
                        <select aria-label={`Hướng đánh giá của dòng ${m.row}`} value={corrected ?? m.direction} onChange={(e) => props.onDirection(m.row, e.target.value as Direction)}>
                          {Object.entries(DIRECTIONS).map(([k, label]) => (
                            <option key={k} value={k}>
                              {label}
                            </option>
                          ))}
                        </select>
                        <ul>
                          {m.guesses.map((x) => (
                            <li key={x.field} className={x.sure || (x.field === 'direction' && corrected) ? 'why' : 'why unsure'}>
                              {x.sure || (x.field === 'direction' && corrected) ? '' : '⚠ '}
                              {x.field === 'direction' ? (corrected ? 'Bạn đã chọn hướng đánh giá.' : x.why) : `${x.value}: ${x.why}`}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  );
                }),
              ),
            ])}
          </tbody>
        </table>
      </div>
    </section>
  );
}
