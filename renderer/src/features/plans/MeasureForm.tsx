import { useMemo, useState, type FormEvent } from 'react';
import type { IndicatorDto, MeasureDto, PlanDetail } from '../../../../shared/api/types';
import { formatVnNumber, parseVnNumber } from '../../../../shared/domain/vn-number';
import { DIRECTIONS, ROLLUPS, parseTarget, type Direction, type RateFactor, type Rollup, type ValueKind } from '../../../../shared/domain/measure';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { UnitChecklist } from '../../components/UnitChecklist';
import { useAsync } from '../../app/use-async';
import { Dialog, FormFooter } from '../../components/Dialog';
import { Field, SelectField, TextAreaField, TextField } from '../../components/fields';
import { targetHeader } from './plan-text';
import { catalogueTag } from '../../../../shared/domain/catalogue';
import { REPORTERS, defaultReporters, type Reporters } from '../../../../shared/domain/who-reports';

/** What a person picks: the kind of number, which fixes value kind, factor and default unit. */
const KINDS = {
  count: { label: 'Số lượng (đếm: người, xã, …)', valueKind: 'count', factor: null, unit: 'Người' },
  rate100: { label: 'Tỷ lệ phần trăm (%)', valueKind: 'rate', factor: 100, unit: '%' },
  rate1000: { label: 'Tỷ suất trên 1.000 (‰)', valueKind: 'rate', factor: 1000, unit: '‰' },
  rate100000: { label: 'Tỷ suất trên 100.000', valueKind: 'rate', factor: 100000, unit: '/100.000' },
  boolean: { label: 'Có / không', valueKind: 'boolean', factor: null, unit: 'Có/Không' },
  text: { label: 'Văn bản (mô tả)', valueKind: 'text', factor: null, unit: 'Nội dung' },
} as const satisfies Record<string, { label: string; valueKind: ValueKind; factor: RateFactor | null; unit: string }>;
type KindKey = keyof typeof KINDS;

function kindOf(m?: MeasureDto): KindKey {
  if (!m) return 'rate100';
  if (m.valueKind === 'rate') return m.rateFactor === 1000 ? 'rate1000' : m.rateFactor === 100000 ? 'rate100000' : 'rate100';
  return m.valueKind;
}

const key = (t: { year: number; isPhaseEnd: boolean }) => `${t.isPhaseEnd ? 'P' : 'Y'}${t.year}`;

export function MeasureForm(props: { plan: PlanDetail; indicator: IndicatorDto; measure?: MeasureDto; onClose: () => void; onSaved: () => void }) {
  const m = props.measure;
  const units = useAsync(() => api.call('unit-list', {}), []);
  const categories = useAsync(() => api.call('category-list', {}), []);
  const catalogues = useAsync(() => api.call('catalogue-list', {}), []);
  const [name, setName] = useState(m?.name ?? '');
  const [code, setCode] = useState(m?.code ?? '');
  const [kind, setKind] = useState<KindKey>(kindOf(m));
  const [unitLabel, setUnitLabel] = useState(m?.unitLabel ?? KINDS[kindOf(m)].unit);
  const [direction, setDirection] = useState<Direction>(m?.direction ?? 'at_least');
  const [rollup, setRollup] = useState<Rollup>(m?.rollup ?? 'ratio');
  const [leadUnitId, setLeadUnitId] = useState(m?.leadUnitId ? String(m.leadUnitId) : '');
  const [coop, setCoop] = useState<Set<number>>(new Set(m?.cooperatingUnitIds ?? []));
  const [categoryIds, setCategoryIds] = useState<string[]>(() => [0, 1, 2].map((i) => String(m?.breakdown?.categories[i]?.id ?? '')));
  const [reporters, setReporters] = useState<Reporters | ''>(m?.reportersSet ? m.reporters : '');
  const [numeratorLabel, setNumeratorLabel] = useState(m?.numeratorLabel ?? '');
  const [denominatorLabel, setDenominatorLabel] = useState(m?.denominatorLabel ?? '');
  const [catalogueIndicatorId, setCatalogueIndicatorId] = useState(m?.catalogueIndicator ? String(m.catalogueIndicator.id) : '');
  const [allowsNegative, setAllowsNegative] = useState(m?.allowsNegative ?? false);
  const [decimals, setDecimals] = useState(m?.decimals === null || m?.decimals === undefined ? '' : String(m.decimals));
  const [minText, setMinText] = useState(m?.minValue === null || m?.minValue === undefined ? '' : formatVnNumber(m.minValue));
  const [maxText, setMaxText] = useState(m?.maxValue === null || m?.maxValue === undefined ? '' : formatVnNumber(m.maxValue));
  const { busy, error, setError, run } = useAction();

  // One target input per plan year, plus the plan's phase-end columns, plus existing targets.
  const slots = useMemo(() => {
    const list = new Map<string, { year: number; isPhaseEnd: boolean }>();
    for (const c of props.plan.targetColumns) list.set(key(c), c);
    for (let y = props.plan.yearFrom; y <= props.plan.yearTo && y < props.plan.yearFrom + 11; y++) list.set(key({ year: y, isPhaseEnd: false }), { year: y, isPhaseEnd: false });
    for (const t of m?.targets ?? []) list.set(key(t), t);
    return [...list.values()].sort((a, b) => Number(b.isPhaseEnd) - Number(a.isPhaseEnd) || a.year - b.year);
  }, [props.plan, m]);
  const [targets, setTargets] = useState<Record<string, string>>(() => Object.fromEntries((m?.targets ?? []).map((t) => [key(t), t.text])));
  const [extraYear, setExtraYear] = useState('');
  const [extraText, setExtraText] = useState('');

  const changeKind = (k: KindKey) => {
    setKind(k);
    setUnitLabel(KINDS[k].unit);
    if (KINDS[k].valueKind !== 'rate' && rollup === 'ratio') setRollup('sum');
    if (KINDS[k].valueKind === 'rate' && rollup === 'sum') setRollup('ratio');
  };

  const targetError = (text: string) => {
    if (!text.trim()) return null;
    const r = parseTarget(text);
    return r.ok ? null : r.error;
  };

  // A breakdown: up to three categories, in order; their options multiply.
  const breakdownAllowed = KINDS[kind].valueKind === 'count' || KINDS[kind].valueKind === 'rate';
  const chosenCategories = categoryIds.filter(Boolean).map((id) => (categories.data ?? []).find((c) => String(c.id) === id)).filter((c) => c !== undefined);
  const comboCount = chosenCategories.reduce((n, c) => n * c.options.filter((o) => !o.retiredOn).length, 1);
  const setCategoryAt = (i: number, id: string) => {
    const next = [...categoryIds];
    next[i] = id;
    // No gaps and no category twice.
    const compact = next.filter((x, j) => x && next.indexOf(x) === j);
    setCategoryIds([0, 1, 2].map((j) => compact[j] ?? ''));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const list = slots.filter((s) => (targets[key(s)] ?? '').trim()).map((s) => ({ ...s, text: targets[key(s)]!.trim() }));
    if (extraText.trim()) {
      if (!/^\d{4}$/.test(extraYear.trim())) return setError('Cần nhập năm (4 chữ số) cho chỉ tiêu "đến năm".');
      list.push({ year: Number(extraYear), isPhaseEnd: true, text: extraText.trim() });
    }
    const bad = list.map((t) => ({ t, err: targetError(t.text) })).find((x) => x.err);
    if (bad) return setError(`${targetHeader(bad.t)}: ${bad.err}.`);
    const bound = (text: string, what: string): number | null | string => {
      if (!text.trim()) return null;
      const r = parseVnNumber(text);
      return r.ok ? r.value : `${what}: ${r.error}.`;
    };
    const minValue = bound(minText, 'Giá trị nhỏ nhất hợp lý');
    const maxValue = bound(maxText, 'Giá trị lớn nhất hợp lý');
    if (typeof minValue === 'string') return setError(minValue);
    if (typeof maxValue === 'string') return setError(maxValue);
    void run(async () => {
      await api.call('measure-save', {
        id: m?.id,
        indicatorId: props.indicator.id,
        code: code.trim(),
        name: name.trim(),
        unitLabel: unitLabel.trim(),
        valueKind: KINDS[kind].valueKind,
        rateFactor: KINDS[kind].factor,
        direction,
        rollup,
        leadUnitId: leadUnitId ? Number(leadUnitId) : null,
        cooperatingUnitIds: [...coop],
        categoryIds: breakdownAllowed ? chosenCategories.map((c) => c.id) : [],
        catalogueIndicatorId: catalogueIndicatorId ? Number(catalogueIndicatorId) : null,
        reporters: reporters || null,
        numeratorLabel: KINDS[kind].valueKind === 'rate' ? numeratorLabel.trim() : '',
        denominatorLabel: KINDS[kind].valueKind === 'rate' ? denominatorLabel.trim() : '',
        allowsNegative,
        decimals: decimals === '' ? null : Number(decimals),
        minValue,
        maxValue,
        targets: list,
      });
      props.onSaved();
      props.onClose();
    });
  };

  const unitOptions = units.data ?? [];
  return (
    <Dialog title={m ? `Sửa chỉ số ${m.code}` : `Thêm chỉ số cho chỉ tiêu ${props.indicator.code}`} onClose={props.onClose} wide>
      <form onSubmit={submit} className="measure-form">
        <TextAreaField label="Tên chỉ số" name="name" rows={2} autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        <div className="form-row">
          <TextField label="Mã chỉ số" name="code" placeholder={`tự đặt, ví dụ ${props.indicator.code}.1`} value={code} onChange={(e) => setCode(e.target.value)} />
          <SelectField label="Loại số liệu" name="kind" value={kind} onChange={(e) => changeKind(e.target.value as KindKey)}>
            {Object.entries(KINDS).map(([k, v]) => (
              <option key={k} value={k}>
                {v.label}
              </option>
            ))}
          </SelectField>
          <TextField label="Đơn vị tính" name="unitLabel" list="unit-labels" value={unitLabel} onChange={(e) => setUnitLabel(e.target.value)} />
          <datalist id="unit-labels">
            {['%', '‰', '/100.000', 'Người', 'Trẻ em', 'Xã', 'Trường', 'Vụ'].map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </div>
        <div className="form-row">
          <SelectField label="Đánh giá đạt khi" name="direction" value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
            {Object.entries(DIRECTIONS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
          <SelectField label="Cách tổng hợp từ các đơn vị" name="rollup" value={rollup} onChange={(e) => setRollup(e.target.value as Rollup)}>
            {Object.entries(ROLLUPS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-row">
          <SelectField
            label="Ai báo cáo chỉ số này"
            name="reporters"
            hint="Biểu mẫu của mỗi đơn vị chỉ có các chỉ số đơn vị đó báo cáo; đơn vị không phải báo cáo gì thì không có biểu mẫu."
            value={reporters}
            onChange={(e) => setReporters(e.target.value as Reporters | '')}
          >
            <option value="">
              Theo mặc định: {REPORTERS[defaultReporters({ rollup }).reporters].toLowerCase()} ({defaultReporters({ rollup }).why})
            </option>
            {Object.entries(REPORTERS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
        </div>
        {KINDS[kind].valueKind === 'rate' ? (
          <div className="form-row">
            <TextField label="Tử số là" name="numeratorLabel" placeholder="ví dụ: số trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân" value={numeratorLabel} onChange={(e) => setNumeratorLabel(e.target.value)} />
            <TextField label="Mẫu số là" name="denominatorLabel" placeholder="ví dụ: số trẻ em dưới 5 tuổi được cân" value={denominatorLabel} onChange={(e) => setDenominatorLabel(e.target.value)} />
          </div>
        ) : null}
        <fieldset className="breakdown-fields">
          <legend>Phân tổ (nhập số liệu theo nhóm)</legend>
          {breakdownAllowed ? (
            <>
              <div className="form-row">
                {[0, 1, 2].map((i) =>
                  i === 0 || categoryIds[i - 1] ? (
                    <SelectField key={i} label={['Nhóm thứ nhất', 'Nhóm thứ hai', 'Nhóm thứ ba'][i]!} name={`category-${i}`} value={categoryIds[i]} onChange={(e) => setCategoryAt(i, e.target.value)}>
                      <option value="">{i === 0 ? '(không phân tổ)' : '(không)'}</option>
                      {(categories.data ?? [])
                        .filter((c) => c.id === Number(categoryIds[i]) || !categoryIds.includes(String(c.id)))
                        .map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                            {c.isSample ? ' (mẫu)' : ''}
                          </option>
                        ))}
                    </SelectField>
                  ) : null,
                )}
              </div>
              <p className="field-hint">
                {chosenCategories.length
                  ? `Mỗi đơn vị nhập ${comboCount} nhóm (${chosenCategories.map((c) => `${c.name}: ${c.options.filter((o) => !o.retiredOn).map((o) => o.name).join(', ')}`).join(' × ')}) và dòng Tổng số tự cộng.`
                  : 'Không phân tổ: mỗi đơn vị nhập một số tổng.'}{' '}
                <a href="#/lists">Sửa danh mục nhóm phân tổ…</a>
              </p>
            </>
          ) : (
            <p className="field-hint">Chỉ số dạng có/không hoặc văn bản không phân tổ được.</p>
          )}
        </fieldset>
        <div className="form-row">
          <SelectField
            label="Chỉ tiêu thống kê (bộ chỉ tiêu của Bộ)"
            name="catalogueIndicator"
            hint="Gắn để mã chỉ tiêu thống kê hiện trên biểu mẫu, bảng tổng hợp và khi xuất theo bộ chỉ tiêu."
            value={catalogueIndicatorId}
            onChange={(e) => setCatalogueIndicatorId(e.target.value)}
          >
            <option value="">(không gắn)</option>
            {(catalogues.data ?? []).map((c) => (
              <optgroup key={c.id} label={`${c.code} — ${c.title}${c.isSample ? ' (MẪU)' : ''}`}>
                {c.indicators.map((i) => (
                  <option key={i.id} value={i.id}>
                    {catalogueTag({ catalogueCode: c.code, annex: i.annex, code: i.code })} — {i.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </div>
        <fieldset className="targets">
          <legend>Số liệu hợp lý và cách hiển thị</legend>
          <div className="form-row">
            <SelectField label="Số chữ số thập phân" name="decimals" value={decimals} onChange={(e) => setDecimals(e.target.value)} hint="Số được lưu đủ; chỉ cách hiện ra thay đổi. Đánh giá đạt/chưa đạt luôn dùng số đủ.">
              <option value="">Tự động (theo chỉ tiêu: {m ? m.displayDecimals : KINDS[kind].valueKind === 'rate' ? 2 : 0})</option>
              {[0, 1, 2, 3, 4, 5, 6].map((d) => (
                <option key={d} value={d}>
                  {d} ({formatVnNumber(1234.5678, { decimals: d })})
                </option>
              ))}
            </SelectField>
            <TextField label="Nhỏ nhất hợp lý" name="minValue" inputMode="decimal" value={minText} onChange={(e) => setMinText(e.target.value)} placeholder={KINDS[kind].valueKind === 'rate' || KINDS[kind].valueKind === 'count' ? (allowsNegative ? '' : '0') : ''} />
            <TextField label="Lớn nhất hợp lý" name="maxValue" inputMode="decimal" value={maxText} onChange={(e) => setMaxText(e.target.value)} placeholder={KINDS[kind].factor ? formatVnNumber(KINDS[kind].factor!) : ''} />
          </div>
          <p className="field-hint">
            Số ngoài khoảng này vẫn được nhận nhưng được đánh dấu để kiểm tra. Để trống: theo đơn vị tính (tỷ lệ % từ 0 đến 100, ‰ đến 1.000, số lượng không âm).
          </p>
          <label className="check-line">
            <input type="checkbox" checked={allowsNegative} onChange={(e) => setAllowsNegative(e.target.checked)} /> Cho phép số âm (chỉ số đo mức thay đổi, ví dụ mức giảm số cuộc tảo hôn)
          </label>
        </fieldset>
        <fieldset className="targets">
          <legend>Chỉ tiêu</legend>
          <p className="field-hint">Gõ như trong kế hoạch: 16,8 · 58,82 · 1.000 · 2,0-3,0 (khoảng) · 512/100.000. Để trống nếu năm đó không giao chỉ tiêu.</p>
          <div className="target-grid">
            {slots.map((s) => {
              const text = targets[key(s)] ?? '';
              return (
                <TextField
                  key={key(s)}
                  label={targetHeader(s)}
                  name={`target-${key(s)}`}
                  inputMode="decimal"
                  value={text}
                  error={targetError(text)}
                  onChange={(e) => setTargets({ ...targets, [key(s)]: e.target.value })}
                />
              );
            })}
            <Field label="Mục tiêu đến năm (giai đoạn)">
              {(id) => (
                <div className="inline-pair">
                  <input aria-label="Năm cuối giai đoạn" placeholder="năm" className="input-year" value={extraYear} onChange={(e) => setExtraYear(e.target.value)} />
                  <input id={id} aria-label="Chỉ tiêu cuối giai đoạn" placeholder="chỉ tiêu" value={extraText} onChange={(e) => setExtraText(e.target.value)} />
                </div>
              )}
            </Field>
          </div>
        </fieldset>
        <div className="form-row">
          <SelectField label="Đơn vị chủ trì" name="leadUnitId" value={leadUnitId} onChange={(e) => setLeadUnitId(e.target.value)}>
            <option value="">(chưa chọn)</option>
            {unitOptions.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        </div>
        <UnitChecklist label="Đơn vị phối hợp" units={unitOptions} chosen={coop} onChange={setCoop} />
        <FormFooter error={error} busy={busy} submitLabel={m ? 'Lưu chỉ số' : 'Thêm chỉ số'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
