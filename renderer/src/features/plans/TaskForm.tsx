import { useState, type FormEvent } from 'react';
import type { PlanDetail, TaskDto } from '../../../../shared/api/types';
import { api } from '../../api';
import { useAction } from '../../app/use-action';
import { useAsync } from '../../app/use-async';
import { Dialog, FormFooter } from '../../components/Dialog';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { UnitChecklist } from '../../components/UnitChecklist';

/** Add or change one task: its group, number, content, lead, cooperating units, timeframe, product. */
export function TaskForm(props: { plan: PlanDetail; groupId: number; task?: TaskDto; onClose: () => void; onSaved: (p: PlanDetail) => void }) {
  const t = props.task;
  const plan = props.plan;
  // The units that existed when the plan starts.
  const units = useAsync(() => api.call('unit-list', { asOf: `${plan.yearFrom}-01-01` }), [plan.yearFrom]);
  const inGroup = plan.tasks.filter((x) => x.groupId === props.groupId);
  const [groupId, setGroupId] = useState(String(t?.groupId ?? props.groupId));
  const [code, setCode] = useState(t?.code ?? String(inGroup.length + 1));
  const [content, setContent] = useState(t?.content ?? '');
  const [leadUnitId, setLeadUnitId] = useState(t?.leadUnitId ? String(t.leadUnitId) : plan.issuerUnitId && !t ? String(plan.issuerUnitId) : '');
  const [coop, setCoop] = useState<Set<number>>(new Set(t?.cooperatingUnitIds ?? []));
  const [cooperatingText, setCooperatingText] = useState(t?.cooperatingText ?? '');
  const [timeframe, setTimeframe] = useState(t?.timeframe ?? '');
  const [product, setProduct] = useState(t?.product ?? '');
  const { busy, error, setError, run } = useAction();
  const group = plan.taskGroups.find((g) => g.id === Number(groupId));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!content.trim()) return setError('Cần nhập nội dung nhiệm vụ.');
    if (!code.trim()) return setError('Cần nhập số thứ tự của nhiệm vụ.');
    void run(async () => {
      const saved = await api.call('task-save', {
        id: t?.id,
        groupId: Number(groupId),
        code: code.trim(),
        content: content.trim(),
        leadUnitId: leadUnitId ? Number(leadUnitId) : null,
        cooperatingUnitIds: [...coop],
        cooperatingText: cooperatingText.trim(),
        timeframe: timeframe.trim(),
        product: product.trim(),
      });
      props.onSaved(saved);
      props.onClose();
    });
  };
  const list = units.data ?? [];
  return (
    <Dialog title={t ? `Sửa nhiệm vụ ${group?.code ?? ''}.${t.code}` : `Thêm nhiệm vụ vào nhóm ${group?.code ?? ''}`} onClose={props.onClose} wide>
      <form onSubmit={submit}>
        <div className="form-row">
          <SelectField label="Nhóm nhiệm vụ" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            {plan.taskGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.code}. {g.title.slice(0, 80)}
              </option>
            ))}
          </SelectField>
          <TextField label="Số thứ tự" value={code} onChange={(e) => setCode(e.target.value)} className="input-short" />
        </div>
        <TextAreaField label="Nội dung nhiệm vụ" rows={4} autoFocus value={content} onChange={(e) => setContent(e.target.value)} />
        <SelectField label="Cơ quan chủ trì" hint="Đơn vị chủ trì báo cáo tình trạng của nhiệm vụ." value={leadUnitId} onChange={(e) => setLeadUnitId(e.target.value)}>
          <option value="">(chưa chọn)</option>
          {list.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Cơ quan phối hợp (như ghi trong kế hoạch)" value={cooperatingText} onChange={(e) => setCooperatingText(e.target.value)} placeholder="ví dụ Các sở, ban, ngành liên quan; UBND các huyện, thành phố" />
        <UnitChecklist
          label="Đơn vị phối hợp phải báo cáo nhiệm vụ này"
          units={list.filter((u) => String(u.id) !== leadUnitId)}
          chosen={coop}
          onChange={setCoop}
          quickKinds={[
            { kind: 'district', label: 'mọi huyện' },
            { kind: 'commune', label: 'mọi xã' },
            { kind: 'department', label: 'mọi sở, ngành' },
          ]}
        />
        <div className="form-row">
          <TextField label="Thời gian thực hiện" value={timeframe} onChange={(e) => setTimeframe(e.target.value)} placeholder="ví dụ Thường xuyên hàng năm" />
          <TextField label="Sản phẩm / kết quả" value={product} onChange={(e) => setProduct(e.target.value)} placeholder="ví dụ Báo cáo kết quả" />
        </div>
        <FormFooter error={error} busy={busy} submitLabel={t ? 'Lưu nhiệm vụ' : 'Thêm nhiệm vụ'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
