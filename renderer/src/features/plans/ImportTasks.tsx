import type { PlanImportPreview } from '../../../../shared/api/types';

const FIELD_LABELS = { code: 'STT', content: 'Nội dung', lead: 'Chủ trì', cooperating: 'Phối hợp', timeframe: 'Thời gian', product: 'Sản phẩm' } as const;

/** The tasks a plan import found, as a table in the plan's order, with the columns it read. */
export function ImportTasks(props: { tasks: NonNullable<PlanImportPreview['tasks']>; issuerName: string | null; reportersWhy: string | null }) {
  const t = props.tasks;
  const count = t.groups.reduce((n, g) => n + g.tasks.length, 0);
  return (
    <section aria-label="Nhiệm vụ tìm thấy">
      <h3>{t.layout === 'activities' ? `${count} hoạt động` : `${count} nhiệm vụ`}</h3>
      <p className="import-summary">
        Trang <b>{t.sheetName}</b>,{' '}
        {t.layout === 'activities'
          ? `các hoạt động đánh số dưới mục ở dòng ${t.headerRow}. Kế hoạch không có cột cơ quan chủ trì: ${props.issuerName ? `đơn vị ban hành (${props.issuerName}) chủ trì mọi hoạt động` : 'hãy chọn đơn vị ban hành bên dưới, đơn vị đó sẽ chủ trì các hoạt động'}.`
          : `dòng tiêu đề ${t.headerRow}; đã đọc các cột ${t.columns.map((c) => `${FIELD_LABELS[c.field]} (cột ${c.column})`).join(', ')}.`}
        {props.reportersWhy ? ` Báo cáo: ${props.reportersWhy}.` : ''}
      </p>
      <div className="preview-scroll">
        <table className="table table-compact" aria-label="Xem trước nhiệm vụ">
          <thead>
            <tr>
              <th>STT</th>
              <th>Nội dung</th>
              <th>Chủ trì</th>
              <th>Phối hợp</th>
              <th>Thời gian</th>
            </tr>
          </thead>
          <tbody>
            {t.groups.map((g) => [
              <tr key={`g${g.code}`} className="row-goal">
                <td>{g.code}</td>
                <td colSpan={4}>{g.title}</td>
              </tr>,
              ...g.tasks.map((task) => (
                <tr key={`t${task.row}`}>
                  <td>{task.code}</td>
                  <td className="task-text">{task.content}</td>
                  <td>{task.leadText || (t.layout === 'activities' ? (props.issuerName ?? '—') : <span className="muted">(trống)</span>)}</td>
                  <td>{task.cooperatingText}</td>
                  <td>{task.timeframe}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </div>
    </section>
  );
}
