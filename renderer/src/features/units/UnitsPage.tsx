import { useMemo, useState } from 'react';
import type { UnitDto } from '../../../../shared/api/types';
import { UNIT_KINDS, UNIT_KIND_SHORT, compareUnitsForList, dayBefore, formatIsoDate, parseVnDate } from '../../../../shared/domain/org-units';
import { CHANGE_KINDS, DUTIES } from '../../../../shared/domain/reorganisation';
import { ConfirmDialog } from '../../components/Dialog';
import { ReorganiseWizard } from './ReorganiseWizard';
import { api } from '../../api';
import { useAsync } from '../../app/use-async';
import { todayText } from '../../components/DateField';
import { EmptyState, ErrorBox, Loading, useToast } from '../../components/Feedback';
import { UnitChangeDialog, type UnitAction } from './UnitChangeDialog';
import { groupBy } from '../../../../shared/domain/group';


export function UnitsPage() {
  const [dateText, setDateText] = useState(todayText());
  const asOf = parseVnDate(dateText);
  const [showDissolved, setShowDissolved] = useState(false);
  const units = useAsync(() => api.call('unit-list', { asOf: asOf ?? undefined, includeDissolved: showDissolved }), [asOf, showDissolved]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [action, setAction] = useState<UnitAction | null>(null);
  const [wizard, setWizard] = useState(false);
  const changes = useAsync(() => api.call('org-changes', {}), []);
  const [undoing, setUndoing] = useState<{ id: number; title: string; effectiveOn: string } | null>(null);
  const toast = useToast();
  const reloadAll = () => {
    units.reload();
    changes.reload();
  };

  const tree = useMemo(() => {
    const list = units.data ?? [];
    const ids = new Set(list.map((u) => u.id));
    return groupBy(list, (u) => (u.parentId !== null && ids.has(u.parentId) ? u.parentId : null));
  }, [units.data]);
  const selected = units.data?.find((u) => u.id === selectedId) ?? null;

  const renderNodes = (parent: number | null, depth: number): React.ReactNode =>
    (tree.get(parent) ?? [])
      .slice()
      .sort(compareUnitsForList)
      .map((u) => (
        <li key={u.id} role="treeitem" aria-selected={u.id === selectedId} aria-level={depth + 1}>
          <button
            type="button"
            className={u.id === selectedId ? 'tree-node selected' : 'tree-node'}
            onClick={() => setSelectedId(u.id)}
            data-unit-code={u.code}
          >
            <span>
              <span className={u.dissolvedOn && (!asOf || u.dissolvedOn <= asOf) ? 'dissolved' : undefined}>{u.name}</span>
              {u.isSample ? <span className="sample-tag" title="Tên đơn vị là dữ liệu mẫu, không phải dữ liệu chính thức">mẫu</span> : null}
            </span>
            <span className="tree-kind">{UNIT_KIND_SHORT[u.kind]}</span>
          </button>
          {tree.get(u.id)?.length ? <ul role="group">{renderNodes(u.id, depth + 1)}</ul> : null}
        </li>
      ));

  if (wizard) {
    return (
      <ReorganiseWizard
        units={units.data ?? []}
        onClose={() => setWizard(false)}
        onDone={(message) => {
          toast(message);
          setWizard(false);
          reloadAll();
        }}
      />
    );
  }

  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1>Đơn vị</h1>
          <p className="page-lead">Cây đơn vị theo từng thời điểm. Đổi tên, sáp nhập, giải thể đều có ngày hiệu lực; báo cáo cũ vẫn giữ tên đơn vị lúc đó.</p>
        </div>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setAction({ kind: 'create', parent: selected })}>
            Thêm đơn vị
          </button>
          <button type="button" onClick={() => setWizard(true)} disabled={!units.data?.length}>
            Sắp xếp tổ chức…
          </button>
        </div>
      </header>
      <div className="filter-bar">
        <label>
          Xem cây đơn vị tại ngày{' '}
          <input className="input-date" value={dateText} aria-label="Xem tại ngày" onChange={(e) => setDateText(e.target.value)} placeholder="ngày/tháng/năm" />
        </label>
        {!asOf ? <span className="field-error">Ngày chưa hợp lệ (dạng ngày/tháng/năm)</span> : null}
        <label>
          <input type="checkbox" checked={showDissolved} onChange={(e) => setShowDissolved(e.target.checked)} /> Hiện cả đơn vị đã giải thể, sáp nhập
        </label>
      </div>
      <ErrorBox message={units.error} />
      {units.loading && !units.data ? <Loading /> : null}
      {units.data && units.data.length === 0 ? (
        <EmptyState title="Chưa có đơn vị nào">
          <p>Thêm tỉnh (hoặc huyện) của bạn trước, rồi thêm các đơn vị trực thuộc: huyện, xã, sở, ngành. Hoặc vào Cài đặt để nạp dữ liệu mẫu.</p>
        </EmptyState>
      ) : null}
      {units.data && units.data.length > 0 ? (
        <div className="split">
          <ul className="tree" role="tree" aria-label="Cây đơn vị">
            {renderNodes(null, 0)}
          </ul>
          <div className="detail">
            {selected ? (
              <UnitDetail unit={selected} onAction={setAction} />
            ) : (
              <EmptyState title="Chọn một đơn vị">
                <p>Bấm vào tên đơn vị bên trái để xem lịch sử tên, đơn vị cấp trên và các thao tác đổi tên, sáp nhập, giải thể.</p>
              </EmptyState>
            )}
          </div>
        </div>
      ) : null}
      {changes.data?.length ? (
        <section className="changes" aria-label="Các đợt thay đổi">
          <h2>Các đợt thay đổi</h2>
          <table className="table table-compact">
            <thead>
              <tr>
                <th>Hiệu lực từ</th>
                <th>Thay đổi</th>
                <th>Loại</th>
                <th>Người ghi, lúc</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {changes.data.slice(0, 20).map((c) => (
                <tr key={c.id} className={c.undoneAt ? 'undone' : undefined}>
                  <td>{formatIsoDate(c.effectiveOn)}</td>
                  <td>
                    {c.title}
                    {c.undoneAt ? <div className="muted small">Đã hoàn tác lúc {new Date(c.undoneAt).toLocaleString('vi-VN')}</div> : null}
                  </td>
                  <td>{CHANGE_KINDS[c.kind]}</td>
                  <td className="muted small">
                    {c.createdBy || 'không rõ'}, {new Date(c.createdAt).toLocaleString('vi-VN')}
                  </td>
                  <td>
                    {c.undoable ? (
                      <button type="button" onClick={() => setUndoing(c)}>
                        Hoàn tác…
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {undoing && (
        <ConfirmDialog
          title="Hoàn tác thay đổi"
          danger
          confirmLabel="Hoàn tác"
          message={
            <p>
              Hoàn tác "{undoing.title}" (hiệu lực từ {formatIsoDate(undoing.effectiveOn)})? Cây đơn vị trở lại như trước thay đổi này; thay đổi vẫn được ghi trong lịch sử là đã hoàn tác.
            </p>
          }
          onClose={() => setUndoing(null)}
          onConfirm={() => {
            const target = undoing;
            setUndoing(null);
            api
              .call('org-undo', { changeId: target.id })
              .then(() => {
                toast(`Đã hoàn tác "${target.title}".`);
                reloadAll();
              })
              .catch((e: Error) => toast(e.message));
          }}
        />
      )}
      {action && (
        <UnitChangeDialog
          action={action}
          units={units.data ?? []}
          onClose={() => setAction(null)}
          onDone={(u, message) => {
            toast(message);
            setSelectedId(u.id);
            reloadAll();
          }}
        />
      )}
    </section>
  );
}

function UnitDetail({ unit, onAction }: { unit: UnitDto; onAction: (a: UnitAction) => void }) {
  const active = unit.dissolvedOn === null;
  return (
    <div className="unit-detail">
      <h2>{unit.name}</h2>
      <dl className="facts">
        <dt>Mã</dt>
        <dd>{unit.code}</dd>
        <dt>Loại</dt>
        <dd>{UNIT_KINDS[unit.kind]}</dd>
        <dt>Hoạt động</dt>
        <dd>
          từ {formatIsoDate(unit.createdOn)}
          {unit.dissolvedOn ? ` đến ${formatIsoDate(dayBefore(unit.dissolvedOn))}` : ' đến nay'}
        </dd>
        {unit.predecessors.length ? (
          <>
            <dt>Hình thành từ</dt>
            <dd>{unit.predecessors.map((p) => `${p.name} (từ ${formatIsoDate(p.on)})`).join('; ')}</dd>
          </>
        ) : null}
        {unit.successors.length ? (
          <>
            <dt>{unit.successors.length > 1 ? 'Chia tách thành' : 'Sáp nhập vào'}</dt>
            <dd>{unit.successors.map((s) => `${s.name} (từ ${formatIsoDate(s.on)})`).join('; ')}</dd>
          </>
        ) : null}
        {unit.duties.length ? (
          <>
            <dt>Nhiệm vụ</dt>
            <dd>
              {unit.duties.map((d) => `${DUTIES[d.duty]}: từ ${formatIsoDate(d.validFrom)}${d.validTo ? ` đến ${formatIsoDate(dayBefore(d.validTo))}` : ' đến nay'}`).join('; ')}
            </dd>
          </>
        ) : null}
        {unit.isSample ? (
          <>
            <dt>Ghi chú</dt>
            <dd>Dữ liệu mẫu: tên và lịch sử của đơn vị này được tạo để minh họa, không phải dữ liệu chính thức.</dd>
          </>
        ) : null}
      </dl>
      {active ? (
        <div className="toolbar">
          <button type="button" onClick={() => onAction({ kind: 'rename', unit })}>
            Đổi tên…
          </button>
          <button type="button" onClick={() => onAction({ kind: 'move', unit })}>
            Chuyển cấp trên…
          </button>
          <button type="button" onClick={() => onAction({ kind: 'merge', unit })}>
            Sáp nhập vào…
          </button>
          <button type="button" className="danger-outline" onClick={() => onAction({ kind: 'dissolve', unit })}>
            Giải thể…
          </button>
          <button type="button" onClick={() => onAction({ kind: 'create', parent: unit })}>
            Thêm đơn vị trực thuộc…
          </button>
        </div>
      ) : null}
      <h3>Lịch sử</h3>
      <table className="table table-compact" aria-label="Lịch sử đơn vị">
        <thead>
          <tr>
            <th>Từ ngày</th>
            <th>Đến ngày</th>
            <th>Tên</th>
            <th>Trực thuộc</th>
            <th>Thay đổi</th>
          </tr>
        </thead>
        <tbody>
          {unit.versions
            .slice()
            .reverse()
            .map((v) => (
              <tr key={v.validFrom}>
                <td>{formatIsoDate(v.validFrom)}</td>
                <td>{v.validTo ? formatIsoDate(dayBefore(v.validTo)) : <span className="muted">nay</span>}</td>
                <td>{v.name}</td>
                <td>{v.parentName ?? '—'}</td>
                <td>
                  {v.eventKind ? CHANGE_KINDS[v.eventKind] : ''}
                  {v.eventNote ? <div className="muted small">{v.eventNote}</div> : null}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
