import { useState } from 'react';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { navigate } from '../../app/router';
import { useAsync } from '../../app/use-async';
import { EmptyState, ErrorBox, Loading, useToast } from '../../components/Feedback';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { PlanForm } from './PlanForm';
import { PlanImportDialog } from './PlanImportDialog';
import { yearsText } from './plan-text';

export function PlansPage() {
  const plans = useAsync(() => api.call('plan-list', {}), []);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const { busy, error, run } = useAction();
  const toast = useToast();

  const loadDemo = () =>
    run(async () => {
      const r = await api.call('demo-load', {});
      toast(r.created ? 'Đã nạp dữ liệu mẫu của tỉnh Kon Tum.' : 'Dữ liệu mẫu đã có sẵn.');
      plans.reload();
    });

  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1>Kế hoạch</h1>
          <p className="page-lead">Các kế hoạch và bảng mục tiêu, chỉ tiêu mà đơn vị theo dõi. Mở một kế hoạch để xem và sửa chỉ tiêu.</p>
        </div>
        <div className="toolbar">
          <button type="button" onClick={() => setDialog('import')}>
            Nhập từ Excel…
          </button>
          <button type="button" className="primary" onClick={() => setDialog('create')}>
            Tạo kế hoạch mới
          </button>
        </div>
      </header>
      <ErrorBox message={plans.error ?? error} />
      {plans.loading && !plans.data ? <Loading /> : null}
      {plans.data && plans.data.length === 0 ? (
        <EmptyState title="Chưa có kế hoạch nào">
          <p>Bắt đầu bằng một trong ba cách:</p>
          <ul>
            <li>
              <b>Nhập từ Excel</b>: chọn tệp phụ lục chỉ tiêu của kế hoạch (.xlsx, .xls).
            </li>
            <li>
              <b>Tạo kế hoạch mới</b>: gõ số, tên kế hoạch rồi thêm mục tiêu, chỉ tiêu.
            </li>
            <li>
              <b>Dùng dữ liệu mẫu</b>: kế hoạch năm 2024 và 2025 của tỉnh Kon Tum để làm quen.
            </li>
          </ul>
          <button type="button" onClick={loadDemo} disabled={busy}>
            {busy ? 'Đang nạp…' : 'Nạp dữ liệu mẫu'}
          </button>
        </EmptyState>
      ) : null}
      {plans.data && plans.data.length > 0 ? (
        <table className="table table-click" aria-label="Danh sách kế hoạch">
          <thead>
            <tr>
              <th style={{ width: '9rem' }}>Số kế hoạch</th>
              <th>Tên kế hoạch</th>
              <th style={{ width: '7rem' }}>Năm</th>
              <th style={{ width: '13rem' }}>Nội dung</th>
            </tr>
          </thead>
          <tbody>
            {plans.data.map((p) => (
              <tr key={p.id} tabIndex={0} onClick={() => navigate({ page: 'plan', id: p.id })} onKeyDown={(e) => e.key === 'Enter' && navigate({ page: 'plan', id: p.id })}>
                <td>
                  {p.number || <span className="muted">chưa có số</span>}
                  {p.issuedOn ? <div className="muted small">{formatIsoDate(p.issuedOn)}</div> : null}
                </td>
                <td>
                  <a href={`#/plans/${p.id}`} className="plan-title">
                    {p.title}
                  </a>
                  <div className="muted small">
                    {p.issuerName}
                    {p.parentPlanNumber ? ` · căn cứ Kế hoạch số ${p.parentPlanNumber}` : ''}
                  </div>
                </td>
                <td>{yearsText(p)}</td>
                <td className="small">
                  {p.indicatorCount > 0 ? `${p.indicatorCount} chỉ tiêu, ${p.measureCount} chỉ số` : null}
                  {p.indicatorCount > 0 && p.taskCount > 0 ? <br /> : null}
                  {p.taskCount > 0 ? `${p.taskCount} nhiệm vụ` : null}
                  {p.indicatorCount === 0 && p.taskCount === 0 ? <span className="muted">chưa có chỉ tiêu</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {dialog === 'create' && (
        <PlanForm
          plans={plans.data ?? []}
          onClose={() => setDialog(null)}
          onSaved={(p) => {
            toast(`Đã tạo kế hoạch "${p.title}".`);
            navigate({ page: 'plan', id: p.id });
          }}
        />
      )}
      {dialog === 'import' && (
        <PlanImportDialog
          plans={plans.data ?? []}
          onClose={() => setDialog(null)}
          onImported={(p) => {
            toast(`Đã nhập ${[p.indicatorCount ? `${p.indicatorCount} chỉ tiêu, ${p.measureCount} chỉ số` : "", p.taskCount ? `${p.taskCount} nhiệm vụ` : ""].filter(Boolean).join(" và ")}.`);
            navigate({ page: 'plan', id: p.id });
          }}
        />
      )}
    </section>
  );
}
