/**
 * A spreadsheet grid with Excel's keyboard: arrows, Tab, Enter, F2, typing to replace,
 * Delete, Shift+arrows to select, Ctrl+C / Ctrl+V of tab-separated blocks, Ctrl+Z / Ctrl+Y.
 * Real DOM cells (so copy/paste, screen readers and tests see them), virtualised by rows.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { parseTsv, toTsv } from '../../../../shared/domain/clipboard';

export interface GridColumn {
  key: string;
  title: string;
  /** Width in pixels; the column marked `flex` takes what is left (at least `width`). */
  width: number;
  flex?: boolean;
  align?: 'left' | 'right' | 'center';
  /** Excel-style column letter shown in messages (E14). */
  letter: string;
}

export interface CellChange {
  row: number;
  col: number;
  text: string;
}

export interface GridProps {
  label: string;
  columns: GridColumn[];
  rowCount: number;
  /** What the cell shows. */
  display: (row: number, col: number) => string;
  /** What editing starts from (the raw typed text). */
  raw: (row: number, col: number) => string;
  editable: (row: number, col: number) => boolean;
  /** The reason a cell is invalid, or null. */
  error: (row: number, col: number) => string | null;
  /** A figure accepted but worth checking (outside its range, far from last time), or null. */
  warning?: (row: number, col: number) => string | null;
  onChange: (changes: CellChange[]) => void;
  onUndo: () => void;
  onRedo: () => void;
  onActiveChange?: (row: number, col: number) => void;
  /** A class for a row (e.g. the parts of a breakdown, set in from their total). */
  rowClass?: (row: number) => string | undefined;
  /** Keys the grid leaves to its owner first (return true when handled), e.g. Alt+arrows to open or close a group. */
  onKey?: (e: KeyboardEvent, row: number, col: number) => boolean;
  /** A click on a cell, after the cursor moved there. */
  onCellClick?: (row: number, col: number) => void;
  height: number;
}

const ROW_H = 34;
const OVERSCAN = 8;

type Pos = { r: number; c: number };
type Editing = { r: number; c: number; mode: 'enter' | 'edit' };

/**
 * One text box serves the whole grid and keeps the keyboard focus: it sits over the active cell,
 * invisible until typing starts there. Focus never moves between the grid and an editor, the box
 * is never created or removed, and what is typed stays in the box (not in React state) until it
 * is committed — so a keystroke costs about what it costs in a plain text box. Typing goes into
 * it natively, so Vietnamese input methods (Unikey, Telex, VNI) compose from the first letter.
 */
export function DataGrid(p: GridProps) {
  const [active, setActive] = useState<Pos>({ r: 0, c: firstEditable(p) });
  const [anchor, setAnchor] = useState<Pos>(active);
  const [editing, setEditingState] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const body = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const lastCol = p.columns.length - 1;
  const lastRow = p.rowCount - 1;
  const setEditing = (e: Editing | null) => {
    editingRef.current = e;
    setEditingState(e);
  };

  const clamp = (pos: Pos): Pos => ({ r: Math.max(0, Math.min(lastRow, pos.r)), c: Math.max(0, Math.min(lastCol, pos.c)) });
  const sel = { r1: Math.min(active.r, anchor.r), r2: Math.max(active.r, anchor.r), c1: Math.min(active.c, anchor.c), c2: Math.max(active.c, anchor.c) };

  const move = useCallback(
    (to: Pos, extend = false) => {
      const next = clamp(to);
      setActive(next);
      if (!extend) setAnchor(next);
      p.onActiveChange?.(next.r, next.c);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [p.rowCount, p.columns.length, p.onActiveChange],
  );

  // Keep the active cell in view. The scroll position is tracked, not read back from the DOM:
  // reading it after React's changes would make the browser lay the page out again at once.
  const scrolled = useRef(0);
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const top = active.r * ROW_H;
    let next: number | null = null;
    if (top < scrolled.current) next = top;
    else if (top + ROW_H > scrolled.current + p.height - ROW_H) next = top + 2 * ROW_H - p.height;
    if (next !== null) el.scrollTop = scrolled.current = Math.max(0, next);
  }, [active.r, p.height]);

  const focusBox = () => {
    if (input.current && document.activeElement !== input.current) input.current.focus({ preventScroll: true });
  };

  /** Ends the edit: the typed text goes to the owner if it changed; the box is emptied. */
  const commit = (then?: Pos) => {
    const e = editingRef.current;
    const box = input.current;
    if (e && box) {
      const text = box.value;
      box.value = '';
      setEditing(null);
      if (text !== p.raw(e.r, e.c)) p.onChange([{ row: e.r, col: e.c, text }]);
    }
    if (then) move(then);
  };

  const cancel = () => {
    if (input.current) input.current.value = '';
    setEditing(null);
  };

  /** F2 or a double click: edit the cell's text, the caret at its end. */
  const editCell = (pos: Pos) => {
    if (!p.editable(pos.r, pos.c) || !input.current) return;
    const text = p.raw(pos.r, pos.c);
    input.current.value = text;
    input.current.setSelectionRange(text.length, text.length);
    setAnchor(pos);
    setEditing({ r: pos.r, c: pos.c, mode: 'edit' });
    focusBox();
  };

  const nextTab = (pos: Pos): Pos => (pos.c < lastCol ? { r: pos.r, c: pos.c + 1 } : { r: pos.r + 1, c: firstEditable(p) });

  const onGridKey = (e: KeyboardEvent) => {
    if (p.onKey?.(e, active.r, active.c)) {
      e.preventDefault();
      return;
    }
    const ctrl = e.ctrlKey || e.metaKey;
    const step = (dr: number, dc: number) => {
      e.preventDefault();
      move({ r: active.r + dr, c: active.c + dc }, e.shiftKey);
    };
    if (ctrl && (e.key === 'z' || e.key === 'Z')) {
      e.preventDefault();
      if (e.shiftKey) p.onRedo();
      else p.onUndo();
      return;
    }
    if (ctrl && (e.key === 'y' || e.key === 'Y')) {
      e.preventDefault();
      p.onRedo();
      return;
    }
    // Ctrl+arrows to the edge of the table, Ctrl+Home / Ctrl+End to its first and last cell, as in Excel.
    const edge: Record<string, Pos> = { ArrowUp: { r: 0, c: active.c }, ArrowDown: { r: lastRow, c: active.c }, ArrowLeft: { r: active.r, c: 0 }, ArrowRight: { r: active.r, c: lastCol }, Home: { r: 0, c: 0 }, End: { r: lastRow, c: lastCol } };
    if (ctrl && edge[e.key]) {
      e.preventDefault();
      move(edge[e.key]!, e.shiftKey);
      return;
    }
    if (ctrl) return; // Ctrl+C / Ctrl+V arrive as copy / paste events.
    switch (e.key) {
      case 'ArrowUp':
        return step(-1, 0);
      case 'ArrowDown':
        return step(1, 0);
      case 'ArrowLeft':
        return step(0, -1);
      case 'ArrowRight':
        return step(0, 1);
      case 'PageDown':
        return step(10, 0);
      case 'PageUp':
        return step(-10, 0);
      case 'Home':
        e.preventDefault();
        return move({ r: active.r, c: 0 });
      case 'End':
        e.preventDefault();
        return move({ r: active.r, c: lastCol });
      case 'Tab':
        e.preventDefault();
        return move(e.shiftKey ? { r: active.r, c: active.c - 1 } : nextTab(active));
      case 'Enter':
        e.preventDefault();
        return move({ r: active.r + (e.shiftKey ? -1 : 1), c: active.c });
      case 'F2':
        e.preventDefault();
        editCell(active);
        return;
      case 'Delete':
      case 'Backspace': {
        e.preventDefault();
        const changes: CellChange[] = [];
        for (let r = sel.r1; r <= sel.r2; r++) for (let c = sel.c1; c <= sel.c2; c++) if (p.editable(r, c) && p.raw(r, c) !== '') changes.push({ row: r, col: c, text: '' });
        if (changes.length) p.onChange(changes);
        return;
      }
      default:
        // A letter or digit: the box takes it as typed (the edit starts on its input event); on a read-only cell, nothing.
        if (e.key.length === 1 && !e.altKey && !p.editable(active.r, active.c)) e.preventDefault();
    }
  };

  const onEditKey = (e: KeyboardEvent<HTMLInputElement>, editing: Editing) => {
    const go = (dr: number, dc: number) => {
      e.preventDefault();
      commit(clamp({ r: editing.r + dr, c: editing.c + dc }));
    };
    switch (e.key) {
      case 'Enter':
        return go(e.shiftKey ? -1 : 1, 0);
      case 'Tab':
        e.preventDefault();
        return commit(clamp(e.shiftKey ? { r: editing.r, c: editing.c - 1 } : nextTab(editing)));
      case 'Escape':
        e.preventDefault();
        cancel();
        return;
      case 'ArrowUp':
        if (editing.mode === 'enter') go(-1, 0);
        return;
      case 'ArrowDown':
        if (editing.mode === 'enter') go(1, 0);
        return;
      case 'ArrowLeft':
        if (editing.mode === 'enter') go(0, -1);
        return;
      case 'ArrowRight':
        if (editing.mode === 'enter') go(0, 1);
        return;
      case 'F2':
        e.preventDefault();
        setEditing({ ...editing, mode: editing.mode === 'enter' ? 'edit' : 'enter' });
    }
  };

  const onBoxKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const now = editingRef.current;
    if (now) onEditKey(e, now);
    else onGridKey(e);
  };

  /** The first character typed into the idle box (or composed by an input method) starts the edit. */
  const onBoxInput = () => {
    if (editingRef.current || !input.current || input.current.value === '') return;
    if (!p.editable(active.r, active.c)) {
      input.current.value = '';
      return;
    }
    setAnchor(active);
    setEditing({ r: active.r, c: active.c, mode: 'enter' });
  };

  const onCopy = (e: ClipboardEvent) => {
    if (editingRef.current) return;
    e.preventDefault();
    const rows: string[][] = [];
    for (let r = sel.r1; r <= sel.r2; r++) {
      const row: string[] = [];
      for (let c = sel.c1; c <= sel.c2; c++) row.push(p.display(r, c));
      rows.push(row);
    }
    e.clipboardData.setData('text/plain', toTsv(rows));
  };

  const onPaste = (e: ClipboardEvent) => {
    if (editingRef.current) return;
    e.preventDefault();
    const block = parseTsv(e.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    // A single value pasted over a selection fills it, as in Excel.
    const single = block.length === 1 && block[0]!.length === 1;
    const rows = single ? sel.r2 - sel.r1 + 1 : block.length;
    const cols = single ? sel.c2 - sel.c1 + 1 : Math.max(...block.map((r) => r.length));
    const top = single ? sel.r1 : active.r;
    const left = single ? sel.c1 : active.c;
    const changes: CellChange[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const r = top + i;
        const c = left + j;
        if (r > lastRow || c > lastCol || !p.editable(r, c)) continue;
        changes.push({ row: r, col: c, text: (single ? block[0]![0] : block[i]?.[j]) ?? '' });
      }
    }
    if (changes.length) p.onChange(changes);
    setAnchor({ r: top, c: left });
    setActive(clamp({ r: top + rows - 1, c: left + cols - 1 }));
  };

  // The cells' handlers, the same functions across renders (so unchanged rows are not rendered
  // again), reading what is current from a ref.
  const latest = useRef({ p, move, commit, editCell });
  latest.current = { p, move, commit, editCell };
  const cellEvents = useMemo<CellEvents>(
    () => ({
      mouseDown: (e, r, c) => {
        const { p, move, commit } = latest.current;
        // The box keeps the focus: a click only moves the cursor (and ends an edit).
        e.preventDefault();
        if (editingRef.current) commit();
        move({ r, c }, e.shiftKey);
        input.current?.focus({ preventScroll: true });
        p.onCellClick?.(r, c);
      },
      doubleClick: (r, c) => {
        latest.current.move({ r, c });
        latest.current.editCell({ r, c });
      },
    }),
    [],
  );

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const visible = Math.ceil(p.height / ROW_H) + 2 * OVERSCAN;
  const template = p.columns.map((c) => (c.flex ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ');
  const minWidth = p.columns.reduce((a, c) => a + c.width, 0);
  const rows = [];
  for (let r = first; r < Math.min(p.rowCount, first + visible); r++) {
    const cells: CellView[] = p.columns.map((col, c) => {
      const err = p.error(r, c);
      const warn = err ? null : (p.warning?.(r, c) ?? null);
      const editable = p.editable(r, c);
      const isSelected = r >= sel.r1 && r <= sel.r2 && c >= sel.c1 && c <= sel.c2;
      const classes = ['grid-cell', `align-${col.align ?? 'left'}`, editable ? 'cell-editable' : 'cell-readonly'];
      if (isSelected) classes.push('cell-selected');
      if (active.r === r && active.c === c) classes.push('cell-active');
      if (err) classes.push('cell-invalid');
      if (warn) classes.push('cell-warning');
      return { key: col.key, address: `${col.letter}${r + 1}`, text: p.display(r, c), className: classes.join(' '), title: err ?? warn ?? undefined, selected: isSelected, invalid: Boolean(err), readonly: !editable };
    });
    rows.push(<GridRow key={r} r={r} rowClass={p.rowClass?.(r) ?? ''} template={template} cells={cells} signature={signatureOf(cells)} events={cellEvents} />);
  }
  const activeError = p.rowCount > 0 ? p.error(active.r, active.c) : null;
  const activeWarning = p.rowCount > 0 && !activeError ? (p.warning?.(active.r, active.c) ?? null) : null;
  const activeCol = p.columns[active.c];
  const address = `${activeCol?.letter ?? ''}${active.r + 1}`;
  const editingHere = editing !== null && editing.r === active.r && editing.c === active.c;

  return (
    <div className="grid-wrap">
      <div className="grid" role="grid" aria-label={p.label} aria-rowcount={p.rowCount + 1} aria-colcount={p.columns.length} onCopy={onCopy} onPaste={onPaste} onFocus={focusBox}>
        <div className="grid-head" role="row" style={{ gridTemplateColumns: template, minWidth }}>
          {p.columns.map((c) => (
            <div key={c.key} role="columnheader" className={`grid-th align-${c.align ?? 'left'}`}>
              {c.title}
            </div>
          ))}
        </div>
        <div ref={body} className="grid-body" style={{ height: p.height }} onScroll={(e) => setScrollTop((scrolled.current = e.currentTarget.scrollTop))}>
          <div style={{ height: p.rowCount * ROW_H, minWidth, position: 'relative' }}>
            {rows}
            {/* The box's own row, laid out like the others, so it lands on the active column without measuring. */}
            <div className="grid-row grid-editor-row" style={{ top: active.r * ROW_H, gridTemplateColumns: template, height: ROW_H }}>
              <input
                ref={input}
                className={`grid-input ${editingHere ? 'grid-input-editing' : 'grid-input-idle'} align-${activeCol?.align ?? 'left'}`}
                style={{ gridColumn: active.c + 1 }}
                aria-label={editingHere ? `Sửa ô ${address}` : `Ô ${address}`}
                autoComplete="off"
                spellCheck={false}
                onKeyDown={onBoxKey}
                onInput={onBoxInput}
                onBlur={() => editingRef.current && commit()}
              />
            </div>
          </div>
        </div>
      </div>
      <div className="grid-status" role="status" aria-live="polite">
        <span className="grid-address">{address}</span>
        {activeError ? <span className="grid-error">{activeError}</span> : activeWarning ? <span className="grid-warning">Cần kiểm tra: {activeWarning}</span> : <span className="muted">Gõ số như trong Excel (58,82 hoặc 1.234); Ctrl+V để dán một khối từ Excel; Ctrl+Z để hoàn tác.</span>}
      </div>
    </div>
  );
}

interface CellView {
  key: string;
  address: string;
  text: string;
  className: string;
  title: string | undefined;
  selected: boolean;
  invalid: boolean;
  readonly: boolean;
}

interface CellEvents {
  mouseDown: (e: MouseEvent, r: number, c: number) => void;
  doubleClick: (r: number, c: number) => void;
}

/** What a row shows, as one string: a row is rendered again only when it changes. */
function signatureOf(cells: readonly CellView[]): string {
  let s = '';
  for (const c of cells) s += `${c.className}\u0001${c.text}\u0001${c.title ?? ''}\u0002`;
  return s;
}

const GridRow = memo(
  function GridRow({ r, rowClass, template, cells, events }: { r: number; rowClass: string; template: string; cells: CellView[]; signature: string; events: CellEvents }) {
    return (
      <div role="row" aria-rowindex={r + 2} className={`grid-row ${rowClass}`} style={{ top: r * ROW_H, gridTemplateColumns: template, height: ROW_H }}>
        {cells.map((cell, c) => (
          <div
            key={cell.key}
            role="gridcell"
            aria-colindex={c + 1}
            aria-selected={cell.selected}
            aria-invalid={cell.invalid || undefined}
            aria-readonly={cell.readonly || undefined}
            data-cell={cell.address}
            title={cell.title}
            className={cell.className}
            onMouseDown={(e) => events.mouseDown(e, r, c)}
            onDoubleClick={() => events.doubleClick(r, c)}
          >
            {cell.text}
          </div>
        ))}
      </div>
    );
  },
  (a, b) => a.r === b.r && a.signature === b.signature && a.rowClass === b.rowClass && a.template === b.template && a.events === b.events,
);

function firstEditable(p: Pick<GridProps, 'columns' | 'editable' | 'rowCount'>): number {
  if (p.rowCount === 0) return 0;
  for (let c = 0; c < p.columns.length; c++) if (p.editable(0, c)) return c;
  return 0;
}
