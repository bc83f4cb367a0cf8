import { Fragment, useState } from 'react';
import type { PlanDetail, TaskDto } from '../../../../shared/api/types';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState, ErrorBox } from '../../components/Feedback';
import { CodeTitleForm } from './CodeTitleForm';
import { TaskForm } from './TaskForm';

type Editing =
  | { kind: 'group'; group?: PlanDetail['taskGroups'][number] }
  | { kind: 'task'; groupId: number; task?: TaskDto }
  | { kind: 'delete-task'; task: TaskDto }
  | { kind: 'delete-group'; group: PlanDetail['taskGroups'][number] };

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/** The plan's tasks by group, in the plan's order, each with who leads and cooperates; edited in place. */
export function TaskTable(props: { plan: PlanDetail; onChanged: (plan: PlanDetail, message: string) => void }) {
  const { plan } = props;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (message: string, call: () => Promise<PlanDetail>) => {
    setError(null);
    try {
      props.onChanged(await call(), message);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setEditing(null);
    }
  };
  const addGroup = (
    <button type="button" onClick={() => setEditing({ kind: 'group' })}>
      + Thêm nhóm nhiệm vụ
    </button>
  );
  const dialogs = (
    <>
      {editing?.kind === 'group' && (
        <CodeTitleForm
          title={editing.group ? 'Sửa nhóm nhiệm vụ' : 'Thêm nhóm nhiệm vụ'}
          codeLabel="Số thứ tự (I, II, …)"
          titleLabel="Tên nhóm nhiệm vụ"
          initial={editing.group ?? { code: ROMAN[plan.taskGroups.length] ?? String(plan.taskGroups.length + 1), title: '' }}
          onClose={() => setEditing(null)}
          onSave={async (v) => props.onChanged(await api.call('task-group-save', { id: editing.group?.id, planId: plan.id, ...v }), editing.group ? 'Đã lưu nhóm nhiệm vụ.' : 'Đã thêm nhóm nhiệm vụ.')}
        />
      )}
      {editing?.kind === 'task' && (
        <TaskForm plan={plan} groupId={editing.groupId} task={editing.task} onClose={() => setEditing(null)} onSaved={(p) => props.onChanged(p, editing.task ? 'Đã lưu nhiệm vụ.' : 'Đã thêm nhiệm vụ.')} />
      )}
      {editing?.kind === 'delete-task' && (
        <ConfirmDialog
          title="Xóa nhiệm vụ"
          danger
          message={<p>Xóa nhiệm vụ {editing.task.groupCode}.{editing.task.code}: "{editing.task.content.slice(0, 160)}"? Nhiệm vụ đã có báo cáo thì không xóa được.</p>}
          confirmLabel="Xóa nhiệm vụ"
          onClose={() => setEditing(null)}
          onConfirm={() => void act(`Đã xóa nhiệm vụ ${editing.task.groupCode}.${editing.task.code}.`, () => api.call('task-delete', { id: editing.task.id }))}
        />
      )}
      {editing?.kind === 'delete-group' && (
        <ConfirmDialog
          title="Xóa nhóm nhiệm vụ"
          danger
          message={<p>Xóa nhóm {editing.group.code} "{editing.group.title.slice(0, 120)}" và mọi nhiệm vụ trong nhóm?</p>}
          confirmLabel="Xóa nhóm"
          onClose={() => setEditing(null)}
          onConfirm={() => void act(`Đã xóa nhóm ${editing.group.code}.`, () => api.call('task-group-delete', { id: editing.group.id }))}
        />
      )}
    </>
  );
  if (plan.taskGroups.length === 0) {
    return (
      <>
        <EmptyState title="Kế hoạch chưa có nhiệm vụ">
          <p>
            Nhiệm vụ (nội dung, cơ quan chủ trì, phối hợp, thời gian) được các đơn vị báo cáo tình trạng và kết quả. Có thể nhập cả bảng nhiệm vụ hoặc danh sách hoạt động từ Excel ở trang{' '}
            <a href="#/plans">Kế hoạch</a> (nút "Nhập từ Excel…"), hoặc thêm từng nhóm ở đây.
          </p>
          {addGroup}
        </EmptyState>
        {dialogs}
      </>
    );
  }
  return (
    <>
      <ErrorBox message={error} />
      <div className="table-scroll">
        <table className="table plan-table" aria-label="Bảng nhiệm vụ">
          <thead>
            <tr>
              <th className="col-tt">STT</th>
              <th>Nhiệm vụ</th>
              <th className="col-lead">Cơ quan chủ trì</th>
              <th className="col-lead">Cơ quan phối hợp</th>
              <th className="col-time">Thời gian thực hiện</th>
              <th className="col-actions">
                <span className="sr-only">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.taskGroups.map((g) => {
              const tasks = plan.tasks.filter((t) => t.groupId === g.id);
              return (
                <Fragment key={g.id}>
                  <tr className="row-goal">
                    <td>{g.code}</td>
                    <td colSpan={4}>{g.title}</td>
                    <td className="row-actions">
                      <button type="button" className="link" onClick={() => setEditing({ kind: 'task', groupId: g.id })}>
                        + Nhiệm vụ
                      </button>
                      <button type="button" className="link" aria-label={`Sửa nhóm ${g.code}`} onClick={() => setEditing({ kind: 'group', group: g })}>
                        Sửa
                      </button>
                      <button type="button" className="link danger-link" aria-label={`Xóa nhóm ${g.code}`} onClick={() => setEditing({ kind: 'delete-group', group: g })}>
                        Xóa
                      </button>
                    </td>
                  </tr>
                  {tasks.map((t, i) => (
                    <tr key={t.id} data-task-key={`${g.code}.${t.code}`}>
                      <td>{t.code}</td>
                      <td className="prewrap">
                        {t.content}
                        {t.product ? <div className="measure-meta">Sản phẩm: {t.product}</div> : null}
                      </td>
                      <td>{t.leadName || <span className="muted">(chưa chọn)</span>}</td>
                      <td className="small">
                        {t.cooperatingText}
                        {t.cooperatingUnitIds.length ? <div className="measure-meta">{t.cooperatingUnitIds.length} đơn vị phối hợp báo cáo</div> : null}
                      </td>
                      <td className="small">{t.timeframe}</td>
                      <td className="row-actions">
                        <button type="button" className="link" aria-label={`Chuyển nhiệm vụ ${g.code}.${t.code} lên`} disabled={i === 0} onClick={() => void act('Đã chuyển nhiệm vụ lên.', () => api.call('task-move', { id: t.id, direction: 'up' }))}>
                          ↑
                        </button>
                        <button type="button" className="link" aria-label={`Chuyển nhiệm vụ ${g.code}.${t.code} xuống`} disabled={i === tasks.length - 1} onClick={() => void act('Đã chuyển nhiệm vụ xuống.', () => api.call('task-move', { id: t.id, direction: 'down' }))}>
                          ↓
                        </button>
                        <button type="button" className="link" aria-label={`Sửa nhiệm vụ ${g.code}.${t.code}`} onClick={() => setEditing({ kind: 'task', groupId: g.id, task: t })}>
                          Sửa
                        </button>
                        <button type="button" className="link danger-link" aria-label={`Xóa nhiệm vụ ${g.code}.${t.code}`} onClick={() => setEditing({ kind: 'delete-task', task: t })}>
                          Xóa
                        </button>
                      </td>
                    </tr>
                  ))}
                  {tasks.length === 0 ? (
                    <tr>
                      <td />
                      <td colSpan={5} className="muted">
                        Nhóm chưa có nhiệm vụ. Bấm "+ Nhiệm vụ" để thêm.
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="toolbar toolbar-bottom">{addGroup}</div>
      {dialogs}
    </>
  );
}
