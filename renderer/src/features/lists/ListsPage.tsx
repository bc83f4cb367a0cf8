import { useState } from 'react';
import type { CatalogueDto, CatalogueIndicatorDto, CategoryDto } from '../../../../shared/api/types';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { api } from '../../api';
import { useAsync } from '../../app/use-async';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState, ErrorBox, Loading, useToast } from '../../components/Feedback';
import { Tabs } from '../../components/Tabs';
import { CategoryForm } from './CategoryForm';
import { CatalogueForm, CatalogueImportDialog, CatalogueIndicatorForm } from './CatalogueDialogs';

type Tab = 'categories' | 'catalogues';

/** Lists every plan shares: the categories of breakdowns, and the ministry's statistical indicator sets. */
export function ListsPage() {
  const [tab, setTab] = useState<Tab>(() => (window.location.hash.includes('catalogues') ? 'catalogues' : 'categories'));
  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1>Danh mục dùng chung</h1>
          <p className="page-lead">Các nhóm phân tổ (giới tính, nhóm tuổi, …) để chỉ số của kế hoạch nhập số liệu theo nhóm, và các bộ chỉ tiêu thống kê của Bộ để gắn mã cho chỉ số.</p>
        </div>
      </header>
      <Tabs
        value={tab}
        onChange={setTab}
        tabs={[
          { key: 'categories', label: 'Nhóm phân tổ' },
          { key: 'catalogues', label: 'Bộ chỉ tiêu thống kê' },
        ]}
      />
      {tab === 'categories' ? <CategoriesPanel /> : <CataloguesPanel />}
    </section>
  );
}

function CategoriesPanel() {
  const [version, setVersion] = useState(0);
  const list = useAsync(() => api.call('category-list', {}), [version]);
  const [editing, setEditing] = useState<{ category?: CategoryDto } | null>(null);
  const [deleting, setDeleting] = useState<CategoryDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  if (list.error) return <ErrorBox message={list.error} />;
  if (!list.data) return <Loading />;
  return (
    <>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEditing({})}>
          + Thêm nhóm phân tổ
        </button>
      </div>
      <p className="muted small">
        Thông tư 13/2021/TT-BLĐTBXH nêu tên các phân tổ (giới tính, nhóm tuổi, môi trường xâm hại, dân tộc…) nhưng tài liệu hiện có không ghi các khoảng tuổi: hãy nhập đúng theo hướng
        dẫn của cấp trên. Nhóm đánh dấu "mẫu" là dữ liệu mẫu.
      </p>
      <ErrorBox message={error} />
      {list.data.length === 0 ? (
        <EmptyState title="Chưa có nhóm phân tổ nào">
          Thêm một nhóm (ví dụ <b>Giới tính</b>: Nam, Nữ), rồi ở màn hình Kế hoạch, sửa chỉ số và chọn nhóm ở mục "Phân tổ". Biểu mẫu gửi đơn vị sẽ có một dòng cho mỗi nhóm.
        </EmptyState>
      ) : (
        <table className="table" aria-label="Các nhóm phân tổ">
          <thead>
            <tr>
              <th>Nhóm</th>
              <th>Mã</th>
              <th>Các giá trị (theo thứ tự)</th>
              <th className="num">Chỉ số dùng</th>
              <th aria-label="Thao tác" />
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id} data-category={c.code}>
                <td>
                  <b>{c.name}</b> {c.isSample ? <span className="tag tag-sample">mẫu</span> : null}
                  {c.note ? <div className="small muted">{c.note}</div> : null}
                </td>
                <td className="small">{c.code}</td>
                <td>
                  <ul className="chips">
                    {c.options.map((o) => (
                      <li
                        key={o.id}
                        className={o.retiredOn ? 'chip chip-retired' : 'chip'}
                        title={[`Mã ${o.code}`, ...o.formerNames.map((f) => `trước ${formatIsoDate(f.until)}: ${f.name}`), o.retiredOn ? `ngừng dùng từ ${formatIsoDate(o.retiredOn)}` : ''].filter(Boolean).join('\n')}
                      >
                        {o.name}
                        {o.retiredOn ? ' (ngừng dùng)' : ''}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="num">{c.measureCount}</td>
                <td className="row-actions">
                  <button type="button" className="link" aria-label={`Sửa nhóm ${c.name}`} onClick={() => setEditing({ category: c })}>
                    Sửa
                  </button>
                  <button type="button" className="link danger-link" aria-label={`Xóa nhóm ${c.name}`} onClick={() => setDeleting(c)}>
                    Xóa
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <CategoryForm
          category={editing.category}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            toast(`Đã lưu nhóm phân tổ "${c.name}" (${c.options.length} giá trị).`);
            setVersion((v) => v + 1);
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title="Xóa nhóm phân tổ"
          danger
          confirmLabel="Xóa"
          message={<p>Xóa nhóm "{deleting.name}" và các giá trị của nhóm? Chỉ xóa được khi chưa chỉ số nào phân tổ theo nhóm này.</p>}
          onClose={() => setDeleting(null)}
          onConfirm={() => {
            const c = deleting;
            setDeleting(null);
            api.call('category-delete', { id: c.id }).then(
              () => (toast(`Đã xóa nhóm "${c.name}".`), setVersion((v) => v + 1), setError(null)),
              (e: Error) => setError(e.message),
            );
          }}
        />
      ) : null}
    </>
  );
}

function CataloguesPanel() {
  const [version, setVersion] = useState(0);
  const list = useAsync(() => api.call('catalogue-list', {}), [version]);
  const [dialog, setDialog] = useState<
    | { kind: 'import'; into?: CatalogueDto }
    | { kind: 'edit'; catalogue?: CatalogueDto }
    | { kind: 'indicator'; catalogue: CatalogueDto; indicator?: CatalogueIndicatorDto }
    | { kind: 'delete'; catalogue: CatalogueDto }
    | { kind: 'delete-indicator'; indicator: CatalogueIndicatorDto }
    | null
  >(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const reload = () => setVersion((v) => v + 1);
  if (list.error) return <ErrorBox message={list.error} />;
  if (!list.data) return <Loading />;
  const cat = list.data.find((c) => c.id === chosen) ?? list.data[0];
  const shown = cat ? cat.indicators.filter((i) => !filter.trim() || `${i.code ?? ''} ${i.name} ${i.groupName}`.toLowerCase().includes(filter.trim().toLowerCase())) : [];
  return (
    <>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'import' })}>
          Nhập bộ chỉ tiêu từ Excel…
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'edit' })}>
          + Bộ chỉ tiêu trống
        </button>
        {list.data.length > 1 ? (
          <label className="inline-field">
            Bộ chỉ tiêu:{' '}
            <select aria-label="Chọn bộ chỉ tiêu" value={cat?.id} onChange={(e) => setChosen(Number(e.target.value))}>
              {list.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} — {c.title.length > 60 ? `${c.title.slice(0, 58)}…` : c.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <ErrorBox message={error} />
      {!cat ? (
        <EmptyState title="Chưa có bộ chỉ tiêu thống kê nào">
          Bấm <b>Nhập bộ chỉ tiêu từ Excel…</b> và chọn bảng phụ lục của thông tư (có thể thử với tệp mẫu <code>resources/catalogues/tt13-2021-mau.xlsx</code> đi kèm TongHop). Sau đó gắn
          chỉ số của kế hoạch với chỉ tiêu thống kê ở màn hình Kế hoạch.
        </EmptyState>
      ) : (
        <div className="catalogue">
          <div className="catalogue-head">
            <h2>
              {cat.title} {cat.isSample ? <span className="tag tag-sample">MẪU — không phải danh mục chính thức</span> : null}
            </h2>
            <p className="muted">
              {cat.code}
              {cat.document ? ` · ${cat.document}` : ''}
              {cat.issuedOn ? ` · ban hành ${formatIsoDate(cat.issuedOn)}` : ''} · {cat.indicators.length} chỉ tiêu, {cat.indicators.filter((i) => i.code).length} có mã ·{' '}
              {cat.indicators.reduce((n, i) => n + i.measureCount, 0)} chỉ số kế hoạch đã gắn
            </p>
            {cat.note ? <p className="small">{cat.note}</p> : null}
            <div className="toolbar">
              <button type="button" onClick={() => setDialog({ kind: 'indicator', catalogue: cat })}>
                + Thêm chỉ tiêu
              </button>
              <button type="button" onClick={() => setDialog({ kind: 'import', into: cat })}>
                Cập nhật từ Excel…
              </button>
              <button type="button" onClick={() => setDialog({ kind: 'edit', catalogue: cat })}>
                Sửa thông tin
              </button>
              <button type="button" className="danger-link link" onClick={() => setDialog({ kind: 'delete', catalogue: cat })}>
                Xóa bộ chỉ tiêu
              </button>
              <input className="filter" type="search" aria-label="Tìm chỉ tiêu" placeholder="Tìm theo mã hoặc tên…" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
          </div>
          <table className="table table-compact" aria-label={`Chỉ tiêu của ${cat.code}`}>
            <thead>
              <tr>
                <th>Phụ lục</th>
                <th>Mã số</th>
                <th>Nhóm</th>
                <th>Tên chỉ tiêu</th>
                <th>Đơn vị tính</th>
                <th>Phân tổ chủ yếu</th>
                <th>Kỳ công bố</th>
                <th>Chủ trì</th>
                <th className="num">Chỉ số gắn</th>
                <th aria-label="Thao tác" />
              </tr>
            </thead>
            <tbody>
              {shown.map((i) => (
                <tr key={i.id}>
                  <td>{i.annex}</td>
                  <td>
                    {i.code ?? (
                      <span className="muted" title="Chưa có mã số">
                        —
                      </span>
                    )}
                  </td>
                  <td className="small">{[i.groupCode, i.groupName].filter(Boolean).join('. ')}</td>
                  <td title={[i.concept, i.note].filter(Boolean).join('\n\n')}>{i.name}</td>
                  <td>{i.unitLabel}</td>
                  <td className="small">{i.breakdowns}</td>
                  <td className="small">{i.period}</td>
                  <td className="small">{i.leadBody}</td>
                  <td className="num">{i.measureCount}</td>
                  <td className="row-actions">
                    <button type="button" className="link" aria-label={`Sửa chỉ tiêu ${i.code ?? i.name}`} onClick={() => setDialog({ kind: 'indicator', catalogue: cat, indicator: i })}>
                      Sửa
                    </button>
                    <button
                      type="button"
                      className="link danger-link"
                      aria-label={`Xóa chỉ tiêu ${i.code ?? i.name}`}
                      onClick={() => setDialog({ kind: 'delete-indicator', indicator: i })}
                    >
                      Xóa
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'import' ? <CatalogueImportDialog into={dialog.into} onClose={() => setDialog(null)} onImported={(c) => (toast(`Đã nhập ${c.indicators.length} chỉ tiêu vào "${c.code}".`), setChosen(c.id), reload())} /> : null}
      {dialog?.kind === 'edit' ? <CatalogueForm catalogue={dialog.catalogue} onClose={() => setDialog(null)} onSaved={(c) => (toast(`Đã lưu "${c.code}".`), setChosen(c.id), reload())} /> : null}
      {dialog?.kind === 'indicator' ? <CatalogueIndicatorForm catalogue={dialog.catalogue} indicator={dialog.indicator} onClose={() => setDialog(null)} onSaved={() => (toast('Đã lưu chỉ tiêu.'), reload())} /> : null}
      {dialog?.kind === 'delete-indicator' ? (
        <ConfirmDialog
          title="Xóa chỉ tiêu thống kê"
          danger
          confirmLabel="Xóa"
          message={<p>Xóa chỉ tiêu {dialog.indicator.code ? `${dialog.indicator.code} ` : ''}"{dialog.indicator.name}" (Phụ lục {dialog.indicator.annex})? Chỉ xóa được khi chưa chỉ số nào của kế hoạch gắn với nó.</p>}
          onClose={() => setDialog(null)}
          onConfirm={() => {
            const i = dialog.indicator;
            setDialog(null);
            api.call('catalogue-indicator-delete', { id: i.id }).then(() => (toast(`Đã xóa chỉ tiêu "${i.name}".`), reload(), setError(null)), (e: Error) => setError(e.message));
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          title="Xóa bộ chỉ tiêu"
          danger
          confirmLabel="Xóa"
          message={<p>Xóa bộ "{dialog.catalogue.title}" và {dialog.catalogue.indicators.length} chỉ tiêu của nó? Chỉ xóa được khi chưa chỉ số nào của kế hoạch gắn với nó.</p>}
          onClose={() => setDialog(null)}
          onConfirm={() => {
            const c = dialog.catalogue;
            setDialog(null);
            api.call('catalogue-delete', { id: c.id }).then(() => (toast(`Đã xóa "${c.code}".`), setChosen(null), reload(), setError(null)), (e: Error) => setError(e.message));
          }}
        />
      ) : null}
    </>
  );
}
