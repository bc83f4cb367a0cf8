import { useRef, useState } from 'react';
import { readFileBase64 } from '../../components/FilePicker';

/** The first bytes of every PNG, base64: "\x89PNG\r\n\x1a\n". */
const PNG_BASE64 = 'iVBORw0KGgo';

/** A transparent PNG (signature or seal): chosen, previewed on a chequered ground so transparency shows, removed. */
export function ImagePicker(props: { label: string; hint: string; value: string | null | undefined; onChange: (base64: string | null) => void; testId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="image-picker">
      <span className="image-picker-label">{props.label}</span>
      <div className="image-picker-box">
        {props.value ? <img src={`data:image/png;base64,${props.value}`} alt={props.label} /> : <span className="muted">chưa có ảnh</span>}
      </div>
      <span>
        <button type="button" onClick={() => input.current?.click()}>
          {props.value ? 'Đổi ảnh…' : 'Chọn ảnh PNG…'}
        </button>{' '}
        {props.value ? (
          <button type="button" className="link" onClick={() => props.onChange(null)}>
            Bỏ ảnh
          </button>
        ) : null}
      </span>
      <input
        ref={input}
        type="file"
        accept=".png,image/png"
        hidden
        data-testid={props.testId}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (!f) return;
          const base64 = await readFileBase64(f);
          if (!base64.startsWith(PNG_BASE64)) return setError(`${f.name}: không phải ảnh PNG. Hãy dùng ảnh .png nền trong suốt.`);
          if (f.size > 2 * 1024 * 1024) return setError(`${f.name}: ảnh quá lớn (tối đa 2 MB).`);
          setError(null);
          props.onChange(base64);
        }}
      />
      <span className="field-hint">{props.hint}</span>
      {error ? (
        <span className="error-text" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
