import { Fragment, useState } from 'react';
import type { GoalDto, IndicatorDto, MeasureDto, PlanDetail } from '../../../../shared/api/types';
import { DIRECTIONS, ROLLUPS } from '../../../../shared/domain/measure';
import { REPORTERS, fractionText, type Reporters } from '../../../../shared/domain/who-reports';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { api } from '../../api';
import { Tabs } from '../../components/Tabs';
import { CatalogueTag } from '../../components/CatalogueTag';
import { navigate } from '../../app/router';
import { useAsync } from '../../app/use-async';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { TrendView } from '../progress/MeasureCharts';
import { EmptyState, ErrorBox, Loading, useToast } from '../../components/Feedback';
import { CodeTitleForm } from './CodeTitleForm';
import { MeasureForm } from './MeasureForm';
import { PlanForm } from './PlanForm';
import { targetHeader, yearsText } from './plan-text';
import { TaskTable } from './TaskTable';

type Editing =
  | { kind: 'plan' }
  | { kind: 'goal'; goal?: GoalDto }
  | { kind: 'indicator'; goalId: number; indicator?: IndicatorDto }
  | { kind: 'measure'; indicator: IndicatorDto; measure?: MeasureDto }
  | { kind: 'trend'; measure: MeasureDto }
  | { kind: 'delete'; what: 'plan' | 'goal' | 'indicator' | 'measure'; id: number; label: string };

export function PlanPage({ id }: { id: number }) {
  const plan = useAsync(() => api.call('plan-get', { id }), [id]);
  const plans = useAsync(() => api.call('plan-list', {}), [id]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [tab, setTab] = useState<'indicators' | 'tasks'>('indicators');
  const [tabChosen, setTabChosen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();

  if (plan.error) return <ErrorBox message={plan.error} />;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  const shownTab = p.goals.length === 0 && p.taskGroups.length > 0 && tab === 'indicators' && !tabChosen ? 'tasks' : tab;

  const remove = async (e: Extract<Editing, { kind: 'delete' }>) => {
    setError(null);
    try {
      if (e.what === 'plan') {
        await api.call('plan-delete', { id: e.id });
        toast(`Đã xóa kế hoạch.`);
        navigate({ page: 'plans' });
        return;
      }
      const method = ({ goal: 'goal-delete', indicator: 'indicator-delete', measure: 'measure-delete' } as const)[e.what];
      await api.call(method, { id: e.id });
      toast(`Đã xóa ${e.label}.`);
      plan.reload();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setEditing(null);
    }
  };

  return (
    <section className="page">
      <nav className="crumbs" aria-label="Vị trí">
        <a href="#/plans">Kế hoạch</a> › <span>{p.number || 'Kế hoạch chưa có số'}</span>
      </nav>
      <header className="page-head">
        <div>
          <h1 className="plan-heading">{p.title}</h1>
          <p className="page-lead">
            {p.number ? `Số ${p.number}` : 'Chưa có số'}
            {p.issuedOn ? ` ngày ${formatIsoDate(p.issuedOn)}` : ''}
            {p.issuerName ? ` · ${p.issuerName}` : ''} · Năm {yearsText(p)}
            {p.parentPlanId ? (
              <>
                {' '}
                · căn cứ <a href={`#/plans/${p.parentPlanId}`}>Kế hoạch số {p.parentPlanNumber || p.parentPlanId}</a>
              </>
            ) : null}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" onClick={() => setEditing({ kind: 'plan' })}>
            Sửa thông tin
          </button>
          <button type="button" className="danger-outline" onClick={() => setEditing({ kind: 'delete', what: 'plan', id: p.id, label: `kế hoạch "${p.title}"` })}>
            Xóa kế hoạch
          </button>
        </div>
      </header>
      <ErrorBox message={error} />
      <Tabs
        value={shownTab}
        onChange={(k) => (setTab(k), setTabChosen(true))}
        tabs={[
          { key: 'indicators', label: `Mục tiêu, chỉ tiêu (${p.indicatorCount})` },
          { key: 'tasks', label: `Nhiệm vụ (${p.taskCount})` },
        ]}
      />
      {shownTab === 'indicators' ? <IndicatorTable plan={p} onEdit={setEditing} onChanged={(message) => (toast(message), plan.reload())} /> : <TaskTable plan={p} onChanged={(_next, message) => (toast(message), plan.reload())} />}

      {editing?.kind === 'plan' && <PlanForm plan={p} plans={plans.data ?? []} onClose={() => setEditing(null)} onSaved={() => (toast('Đã lưu thông tin kế hoạch.'), plan.reload())} />}
      {editing?.kind === 'goal' && (
        <CodeTitleForm
          title={editing.goal ? 'Sửa mục tiêu' : 'Thêm mục tiêu'}
          codeLabel="Số thứ tự (I, II, …)"
          titleLabel="Nội dung mục tiêu"
          initial={editing.goal ?? { code: romanFor(p.goals.length + 1), title: '' }}
          onClose={() => setEditing(null)}
          onSave={async (v) => {
            await api.call('goal-save', { id: editing.goal?.id, planId: p.id, ...v });
            toast(editing.goal ? 'Đã lưu mục tiêu.' : 'Đã thêm mục tiêu.');
            plan.reload();
          }}
        />
      )}
      {editing?.kind === 'indicator' && (
        <CodeTitleForm
          title={editing.indicator ? 'Sửa chỉ tiêu' : 'Thêm chỉ tiêu'}
          codeLabel="Số chỉ tiêu"
          titleLabel="Nội dung chỉ tiêu"
          initial={editing.indicator ?? { code: String(p.indicatorCount + 1), title: '' }}
          onClose={() => setEditing(null)}
          onSave={async (v) => {
            await api.call('indicator-save', { id: editing.indicator?.id, goalId: editing.goalId, ...v });
            toast(editing.indicator ? 'Đã lưu chỉ tiêu.' : 'Đã thêm chỉ tiêu.');
            plan.reload();
          }}
        />
      )}
      {editing?.kind === 'measure' && (
        <MeasureForm
          plan={p}
          indicator={editing.indicator}
          measure={editing.measure}
          onClose={() => setEditing(null)}
          onSaved={() => (toast(editing.measure ? 'Đã lưu chỉ số.' : 'Đã thêm chỉ số.'), plan.reload())}
        />
      )}
      {editing?.kind === 'trend' && (
        <Dialog title={`Xu hướng chỉ số ${editing.measure.code}`} onClose={() => setEditing(null)} wide>
          <TrendView measureId={editing.measure.id} />
        </Dialog>
      )}
      {editing?.kind === 'delete' && (
        <ConfirmDialog
          title="Xác nhận xóa"
          danger
          confirmLabel="Xóa"
          message={
            <p>
              Xóa {editing.label}? {editing.what !== 'measure' && editing.what !== 'plan' ? 'Mọi chỉ tiêu, chỉ số bên trong cũng bị xóa. ' : ''}
              Thao tác này không hoàn tác được.
            </p>
          }
          onClose={() => setEditing(null)}
          onConfirm={() => void remove(editing)}
        />
      )}
    </section>
  );
}

function romanFor(n: number): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][n - 1] ?? String(n);
}

function IndicatorTable({ plan, onEdit, onChanged }: { plan: PlanDetail; onEdit: (e: Editing) => void; onChanged: (message: string) => void }) {
  const columns = plan.targetColumns.length ? plan.targetColumns : [{ year: plan.yearFrom, isPhaseEnd: false }];
  const span = 5 + columns.length;
  // Several measures chosen, to say at once who reports them.
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [bulk, setBulk] = useState<Reporters | ''>('');
  const [bulkError, setBulkError] = useState<string | null>(null);
  const choose = (id: number, on: boolean) => setChosen((c) => (on ? new Set([...c, id]) : new Set([...c].filter((x) => x !== id))));
  const applyBulk = () =>
    api.call('measure-reporters-set', { measureIds: [...chosen], reporters: bulk || null }).then(
      (r) => {
        onChanged(`Đã đặt đơn vị báo cáo cho ${r.updated} chỉ số: ${bulk ? REPORTERS[bulk].toLowerCase() : 'theo mặc định của từng chỉ số'}.`);
        setChosen(new Set());
        setBulkError(null);
      },
      (e: Error) => setBulkError(e.message),
    );
  if (plan.goals.length === 0) {
    return (
      <EmptyState title="Kế hoạch chưa có mục tiêu nào">
        <p>Thêm mục tiêu (I, II, …), rồi thêm chỉ tiêu và chỉ số cho từng mục tiêu. Hoặc quay lại danh sách và dùng "Nhập từ Excel…" để nhập cả bảng chỉ tiêu.</p>
        <button type="button" className="primary" onClick={() => onEdit({ kind: 'goal' })}>
          Thêm mục tiêu
        </button>
      </EmptyState>
    );
  }
  return (
    <>
      {chosen.size ? (
        <div className="toolbar bulk-bar" role="region" aria-label="Các chỉ số đã chọn">
          <b>Đã chọn {chosen.size} chỉ số.</b>
          <label className="inline-field">
            Ai báo cáo:{' '}
            <select aria-label="Ai báo cáo các chỉ số đã chọn" value={bulk} onChange={(e) => setBulk(e.target.value as Reporters | '')}>
              <option value="">Theo mặc định của từng chỉ số</option>
              {Object.entries(REPORTERS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" onClick={() => void applyBulk()}>
            Áp dụng
          </button>
          <button type="button" onClick={() => setChosen(new Set())}>
            Bỏ chọn
          </button>
        </div>
      ) : null}
      <ErrorBox message={bulkError} />
      <div className="table-scroll">
        <table className="table plan-table" aria-label="Bảng mục tiêu, chỉ tiêu">
          <thead>
            <tr>
              <th className="col-tt">TT</th>
              <th>Nội dung mục tiêu/chỉ tiêu</th>
              <th className="col-unit">Đơn vị tính</th>
              {columns.map((c) => (
                <th key={`${c.year}${c.isPhaseEnd}`} className="num col-target">
                  {targetHeader(c)}
                </th>
              ))}
              <th className="col-lead">Đơn vị chủ trì</th>
              <th className="col-actions">
                <span className="sr-only">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.goals.map((g) => (
              <Fragment key={g.id}>
                <tr className="row-goal">
                  <td>{g.code}</td>
                  <td colSpan={span - 2}>{g.title}</td>
                  <td className="row-actions">
                    <button type="button" className="link" onClick={() => onEdit({ kind: 'indicator', goalId: g.id })}>
                      + Chỉ tiêu
                    </button>
                    <button type="button" className="link" aria-label={`Sửa mục tiêu ${g.code}`} onClick={() => onEdit({ kind: 'goal', goal: g })}>
                      Sửa
                    </button>
                    <button type="button" className="link danger-link" onClick={() => onEdit({ kind: 'delete', what: 'goal', id: g.id, label: `mục tiêu ${g.code}` })}>
                      Xóa
                    </button>
                  </td>
                </tr>
                {g.indicators.map((ind) => (
                  <Fragment key={ind.id}>
                    <tr className="row-indicator">
                      <td>Chỉ tiêu {ind.code}</td>
                      <td colSpan={span - 2}>{ind.title}</td>
                      <td className="row-actions">
                        <button type="button" className="link" onClick={() => onEdit({ kind: 'measure', indicator: ind })}>
                          + Chỉ số
                        </button>
                        <button type="button" className="link" aria-label={`Sửa chỉ tiêu ${ind.code}`} onClick={() => onEdit({ kind: 'indicator', goalId: g.id, indicator: ind })}>
                          Sửa
                        </button>
                        <button type="button" className="link danger-link" onClick={() => onEdit({ kind: 'delete', what: 'indicator', id: ind.id, label: `chỉ tiêu ${ind.code}` })}>
                          Xóa
                        </button>
                      </td>
                    </tr>
                    {ind.measures.map((m) => (
                      <tr key={m.id} className="row-measure" data-measure-code={m.code}>
                        <td className="muted">
                          <label className="pick">
                            <input type="checkbox" aria-label={`Chọn chỉ số ${m.code}`} checked={chosen.has(m.id)} onChange={(e) => choose(m.id, e.target.checked)} /> {m.code}
                          </label>
                        </td>
                        <td>
                          {m.name}
                          <div className="measure-meta">
                            {DIRECTIONS[m.direction]} · {ROLLUPS[m.rollup]} ·{' '}
                            <span className={m.reportersSet ? 'reporters' : 'reporters reporters-default'} title={m.reportersWhy}>
                              {REPORTERS[m.reporters]}
                              {m.reportersSet ? '' : ' (mặc định)'}
                            </span>
                            {m.valueKind === 'rate' && fractionText(m) ? <div>{fractionText(m)}</div> : null}
                            {m.breakdown ? (
                              <>
                                {' · '}
                                <span className="tag tag-breakdown" title={m.breakdown.combos.map((c) => c.label).join('\n')}>
                                  phân tổ: {m.breakdown.name} ({m.breakdown.combos.length} nhóm)
                                </span>
                              </>
                            ) : null}
                            <CatalogueTag linked={m.catalogueIndicator} />
                          </div>
                        </td>
                        <td>{m.unitLabel}</td>
                        {columns.map((c) => (
                          <td key={`${c.year}${c.isPhaseEnd}`} className="num">
                            {m.targets.find((t) => t.year === c.year && t.isPhaseEnd === c.isPhaseEnd)?.text ?? ''}
                          </td>
                        ))}
                        <td className="small">{m.leadUnitName ?? (m.leadText ? <span className="muted" title="Tên trong kế hoạch, chưa gán đơn vị">{m.leadText}</span> : '')}</td>
                        <td className="row-actions">
                          <button type="button" className="link" aria-label={`Xu hướng chỉ số ${m.code}`} title="Kết quả qua các kỳ so với chỉ tiêu" onClick={() => onEdit({ kind: 'trend', measure: m })}>
                            Xu hướng
                          </button>
                          <button type="button" className="link" aria-label={`Sửa chỉ số ${m.code}`} onClick={() => onEdit({ kind: 'measure', indicator: ind, measure: m })}>
                            Sửa
                          </button>
                          <button type="button" className="link danger-link" onClick={() => onEdit({ kind: 'delete', what: 'measure', id: m.id, label: `chỉ số ${m.code}` })}>
                            Xóa
                          </button>
                        </td>
                      </tr>
                    ))}
                    {ind.measures.length === 0 ? (
                      <tr>
                        <td />
                        <td colSpan={span - 1} className="muted">
                          Chưa có chỉ số. Bấm "+ Chỉ số" để thêm chỉ số có đơn vị tính và chỉ tiêu theo năm.
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar toolbar-bottom">
        <button type="button" onClick={() => onEdit({ kind: 'goal' })}>
          + Thêm mục tiêu
        </button>
      </div>
    </>
  );
}

