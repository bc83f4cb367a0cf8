import { useState, type FormEvent } from 'react';
import type { PeriodDto, PlanSummary, UnitDto } from '../../../../shared/api/types';
import { formatIsoDate } from '../../../../shared/domain/org-units';
import { DEADLINE_LEVELS, PERIOD_KINDS, periodDefaults, periodName, type DeadlineLevel, type PeriodKind } from '../../../../shared/domain/periods';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { DateField, parseDateText } from '../../components/DateField';
import { Dialog, FormFooter } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/fields';

const LEVELS = Object.keys(DEADLINE_LEVELS) as DeadlineLevel[];

/** Create or edit a reporting period; dates default to the plans' rules and stay editable. */
export function PeriodForm(props: { period?: PeriodDto; plans: PlanSummary[]; units: UnitDto[]; periods?: PeriodDto[]; onClose: () => void; onSaved: (p: PeriodDto) => void; onDeleted?: () => void }) {
  const p = props.period;
  const initialYear = p?.year ?? new Date().getFullYear();
  // Plans and units may still be loading when the form opens: the defaults follow them until the user picks.
  const [chosenPlanId, setPlanId] = useState(p ? String(p.planId) : '');
  const [chosenParentId, setParentUnitId] = useState(p?.parentUnitId ? String(p.parentUnitId) : '');
  const planId = chosenPlanId || String(props.plans.find((x) => x.indicatorCount > 0)?.id ?? '');
  const parentUnitId = chosenParentId || String(props.units.find((u) => u.kind === 'province')?.id ?? '');
  const [kind, setKind] = useState<PeriodKind>(p?.kind ?? 'half_year');
  const [year, setYear] = useState(String(initialYear));
  const [name, setName] = useState(p?.name ?? periodName('half_year', initialYear));
  const [dates, setDates] = useState(() => {
    const d = periodDefaults(p?.kind ?? 'half_year', initialYear);
    const due = (level: DeadlineLevel) => p?.deadlines.find((x) => x.level === level)?.dueOn ?? d.deadlines[level];
    return {
      dataFrom: formatIsoDate(p?.dataFrom ?? d.dataFrom),
      dataTo: formatIsoDate(p?.dataTo ?? d.dataTo),
      ...Object.fromEntries(LEVELS.map((l) => [l, p && !p.deadlines.some((x) => x.level === l) ? '' : formatIsoDate(due(l))])),
    } as Record<'dataFrom' | 'dataTo' | DeadlineLevel, string>;
  });
  const [extraPlans, setExtraPlans] = useState<number[]>(p ? p.planIds.slice(1) : []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** A period like one that exists (same plan, kind, year, compiling unit): the user confirms it is meant. */
  const [twin, setTwin] = useState<PeriodDto | null>(null);
  const [deleting, setDeleting] = useState(false);
  const { busy, error, run } = useAction();

  const applyDefaults = (k: PeriodKind, y: number) => {
    const d = periodDefaults(k, y);
    setName(periodName(k, y));
    setDates({ dataFrom: formatIsoDate(d.dataFrom), dataTo: formatIsoDate(d.dataTo), ...Object.fromEntries(LEVELS.map((l) => [l, formatIsoDate(d.deadlines[l])])) } as typeof dates);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const iso: Record<string, string> = {};
    for (const key of ['dataFrom', 'dataTo', ...LEVELS] as const) {
      if (LEVELS.includes(key as DeadlineLevel) && !dates[key].trim()) continue;
      const d = parseDateText(dates[key], 'ngày');
      if (d.ok) iso[key] = d.iso;
      else errs[key] = d.error;
    }
    if (!/^\d{4}$/.test(year)) errs.year = 'Năm gồm 4 chữ số.';
    if (!LEVELS.some((l) => iso[l])) errs.district = 'Cần ít nhất một hạn nộp.';
    if (!parentUnitId) errs.parentUnitId = 'Chọn đơn vị tổng hợp (tỉnh hoặc huyện nhận báo cáo).';
    if (!planId) errs.planId = 'Chọn kế hoạch của kỳ báo cáo.';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const same = props.periods?.find((x) => x.id !== p?.id && x.planId === Number(planId) && x.kind === kind && x.year === Number(year) && x.parentUnitId === Number(parentUnitId));
    if (same && twin?.id !== same.id) {
      setTwin(same);
      return;
    }
    const args = {
      planId: Number(planId),
      parentUnitId: Number(parentUnitId),
      kind,
      year: Number(year),
      name: name.trim(),
      dataFrom: iso.dataFrom!,
      dataTo: iso.dataTo!,
      deadlines: LEVELS.filter((l) => iso[l]).map((level) => ({ level, dueOn: iso[level]! })),
      extraPlanIds: extraPlans.filter((id) => id !== Number(planId)),
    };
    void run(async () => {
      const saved = p ? await api.call('period-update', { id: p.id, ...args }) : await api.call('period-create', args);
      props.onSaved(saved);
      props.onClose();
    });
  };

  return (
    <Dialog title={p ? 'Sửa kỳ báo cáo' : 'Lập kỳ báo cáo'} onClose={props.onClose} wide>
      <form onSubmit={submit}>
        <div className="form-row">
          <SelectField label="Kế hoạch" name="planId" value={planId} onChange={(e) => setPlanId(e.target.value)}>
            {props.plans.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title.slice(0, 100)}
              </option>
            ))}
          </SelectField>
          <SelectField label="Đơn vị tổng hợp (nhận báo cáo)" name="parentUnitId" value={parentUnitId} onChange={(e) => setParentUnitId(e.target.value)}>
            {props.units
              .filter((u) => u.kind === 'province' || u.kind === 'district')
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            {/* A period of a unit that has since ended (Tỉnh Kon Tum in 2024) keeps its own compiling unit. */}
            {p?.parentUnitId && !props.units.some((u) => u.id === p.parentUnitId) ? <option value={p.parentUnitId}>{p.parentUnitName} (đơn vị đã kết thúc hoạt động)</option> : null}
          </SelectField>
        </div>
        <fieldset className="targets">
          <legend>Gộp cùng báo cáo (không bắt buộc)</legend>
          <p className="field-hint">
            Khi một kế hoạch khác yêu cầu báo cáo kết quả "vào báo cáo thực hiện Chương trình" (ví dụ kế hoạch nhiệm vụ thực hiện khuyến nghị về quyền trẻ em), chọn thêm ở đây: mỗi đơn vị nhận một biểu
            mẫu gồm cả hai kế hoạch, và kỳ có một báo cáo tổng hợp.
          </p>
          <div className="checklist checklist-single" role="group" aria-label="Kế hoạch gộp cùng báo cáo">
            {props.plans
              .filter((x) => String(x.id) !== planId)
              .map((x) => (
                <label key={x.id}>
                  <input
                    type="checkbox"
                    checked={extraPlans.includes(x.id)}
                    onChange={(e) => setExtraPlans(e.target.checked ? [...extraPlans, x.id] : extraPlans.filter((id) => id !== x.id))}
                  />{' '}
                  {x.title.length > 125 ? `${x.title.slice(0, 124).trimEnd()}…` : x.title} <span className="muted small">({[x.measureCount ? `${x.measureCount} chỉ số` : '', x.taskCount ? `${x.taskCount} nhiệm vụ` : ''].filter(Boolean).join(', ') || 'chưa có nội dung'})</span>
                </label>
              ))}
          </div>
        </fieldset>
        <div className="form-row">
          <SelectField
            label="Loại kỳ"
            name="kind"
            value={kind}
            onChange={(e) => {
              const k = e.target.value as PeriodKind;
              setKind(k);
              if (/^\d{4}$/.test(year)) applyDefaults(k, Number(year));
            }}
          >
            {Object.entries(PERIOD_KINDS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Năm"
            name="year"
            inputMode="numeric"
            value={year}
            error={errors.year}
            onChange={(e) => {
              setYear(e.target.value);
              if (/^\d{4}$/.test(e.target.value)) applyDefaults(kind, Number(e.target.value));
            }}
          />
          <TextField label="Tên kỳ" name="name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="form-row">
          <DateField label="Số liệu từ ngày" name="dataFrom" value={dates.dataFrom} error={errors.dataFrom} onChange={(v) => setDates({ ...dates, dataFrom: v })} />
          <DateField label="Đến ngày (chốt số liệu)" name="dataTo" value={dates.dataTo} error={errors.dataTo} onChange={(v) => setDates({ ...dates, dataTo: v })} />
        </div>
        <fieldset className="targets">
          <legend>Hạn nộp báo cáo</legend>
          <div className="form-row">
            {LEVELS.map((l) => (
              <DateField key={l} label={DEADLINE_LEVELS[l]} name={`due-${l}`} value={dates[l]} error={errors[l]} onChange={(v) => setDates({ ...dates, [l]: v })} />
            ))}
          </div>
          <p className="field-hint">Để trống cấp nào không báo cáo cho kỳ này.</p>
        </fieldset>
        {twin ? (
          <div className="stale-box" role="alert">
            Đã có kỳ <b>"{twin.name}"</b> cùng kế hoạch, cùng loại kỳ, cùng năm và cùng đơn vị tổng hợp{twin.reportCount ? ` (đã nhận ${twin.reportCount} báo cáo)` : ''}. Nếu vẫn muốn lập thêm kỳ này, bấm "{p ? 'Lưu' : 'Lập kỳ báo cáo'}" lần nữa.
          </div>
        ) : null}
        {p && props.onDeleted ? (
          deleting ? (
            <div className="stale-box" role="alert">
              {p.reportCount ? (
                <p>
                  Kỳ <b>{p.name}</b> đã nhận <b>{p.reportCount}</b> báo cáo. Xóa kỳ sẽ xóa cả các báo cáo đó (TongHop sao lưu dữ liệu trước khi xóa, có thể khôi phục ở mục Sao lưu).
                </p>
              ) : (
                <p>
                  Xóa kỳ <b>{p.name}</b>? Kỳ này chưa nhận báo cáo nào.
                </p>
              )}
              <div className="form-actions">
                <button type="button" onClick={() => setDeleting(false)}>
                  Không xóa
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      await api.call('period-delete', { id: p.id, ...(p.reportCount ? { withReports: true as const } : {}) });
                      props.onDeleted!();
                      props.onClose();
                    })
                  }
                >
                  {p.reportCount ? `Xóa kỳ và ${p.reportCount} báo cáo` : 'Xóa kỳ'}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="link danger-link" onClick={() => setDeleting(true)} disabled={Boolean(p.submittedAt)} title={p.submittedAt ? 'Kỳ đã nộp đang khoá; mở khoá trước khi xóa' : undefined}>
              Xóa kỳ báo cáo này…
            </button>
          )
        ) : null}
        <FormFooter error={error ?? errors.parentUnitId ?? errors.planId ?? null} busy={busy} submitLabel={p ? 'Lưu' : 'Lập kỳ báo cáo'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
