/** A row of tabs; the chosen one is marked for the eye and for screen readers. */
export function Tabs<K extends string>(props: { value: K; onChange: (k: K) => void; tabs: { key: K; label: string }[] }) {
  return (
    <div className="tabs" role="tablist">
      {props.tabs.map((t) => (
        <button key={t.key} type="button" role="tab" aria-selected={props.value === t.key} onClick={() => props.onChange(t.key)}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
