/**
 * A spreadsheet grid with Excel's keyboard: arrows, Tab, Enter, F2, typing to replace,
 * Delete, Shift+arrows to select, Ctrl+C / Ctrl+V of tab-separated blocks, Ctrl+Z / Ctrl+Y.
 * Real DOM cells (so copy/paste, screen readers and tests see them), virtualised by rows.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
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
type Editing = { r: number; c: number; text: string; mode: 'enter' | 'edit' };

export function DataGrid(p: GridProps) {
  const [active, setActive] = useState<Pos>({ r: 0, c: firstEditable(p) });
  const [anchor, setAnchor] = useState<Pos>(active);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const body = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const lastCol = p.columns.length - 1;
  const lastRow = p.rowCount - 1;

  const clamp = (pos: Pos): Pos => ({ r: Math.max(0, Math.min(lastRow, pos.r)), c: Math.max(0, Math.min(lastCol, pos.c)) });
  const sel = { r1: Math.min(active.r, anchor.r), r2: Math.max(active.r, anchor.r), c1: Math.min(active.c, anchor.c), c2: Math.max(active.c, anchor.c) };
  const selected = (r: number, c: number) => r >= sel.r1 && r <= sel.r2 && c >= sel.c1 && c <= sel.c2;

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

  useEffect(() => {
    // Focus only when it moves: focusing the element that has it still costs a style pass.
    const target = editing ? input.current : grid.current;
    if (target && document.activeElement !== target) target.focus({ preventScroll: true });
  }, [editing]);

  const commit = (e: Editing, then?: Pos) => {
    if (e.text !== p.raw(e.r, e.c)) p.onChange([{ row: e.r, col: e.c, text: e.text }]);
    setEditing(null);
    if (then) move(then);
  };

  const startEdit = (mode: Editing['mode'], text?: string) => {
    if (!p.editable(active.r, active.c)) return false;
    setAnchor(active);
    setEditing({ r: active.r, c: active.c, text: text ?? p.raw(active.r, active.c), mode });
    return true;
  };

  const onGridKey = (e: KeyboardEvent) => {
    if (editing) return;
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
        startEdit('edit');
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
        if (e.key.length === 1 && !e.altKey) {
          if (startEdit('enter', e.key)) e.preventDefault();
        }
    }
  };

  const nextTab = (pos: Pos): Pos => (pos.c < lastCol ? { r: pos.r, c: pos.c + 1 } : { r: pos.r + 1, c: firstEditable(p) });

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    const go = (dr: number, dc: number) => {
      e.preventDefault();
      commit(editing, clamp({ r: editing.r + dr, c: editing.c + dc }));
    };
    switch (e.key) {
      case 'Enter':
        return go(e.shiftKey ? -1 : 1, 0);
      case 'Tab':
        e.preventDefault();
        return commit(editing, clamp(e.shiftKey ? { r: editing.r, c: editing.c - 1 } : nextTab(editing)));
      case 'Escape':
        e.preventDefault();
        setEditing(null);
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

  const onCopy = (e: ClipboardEvent) => {
    if (editing) return;
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
    if (editing) return;
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

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const visible = Math.ceil(p.height / ROW_H) + 2 * OVERSCAN;
  const rows = [];
  for (let r = first; r < Math.min(p.rowCount, first + visible); r++) rows.push(r);
  const template = p.columns.map((c) => (c.flex ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ');
  const minWidth = p.columns.reduce((a, c) => a + c.width, 0);
  const activeError = p.rowCount > 0 ? p.error(active.r, active.c) : null;
  const activeWarning = p.rowCount > 0 && !activeError ? (p.warning?.(active.r, active.c) ?? null) : null;

  return (
    <div className="grid-wrap">
      <div
        ref={grid}
        className="grid"
        role="grid"
        aria-label={p.label}
        aria-rowcount={p.rowCount + 1}
        aria-colcount={p.columns.length}
        tabIndex={0}
        onKeyDown={onGridKey}
        onCopy={onCopy}
        onPaste={onPaste}
      >
        <div className="grid-head" role="row" style={{ gridTemplateColumns: template, minWidth }}>
          {p.columns.map((c) => (
            <div key={c.key} role="columnheader" className={`grid-th align-${c.align ?? 'left'}`}>
              {c.title}
            </div>
          ))}
        </div>
        <div ref={body} className="grid-body" style={{ height: p.height }} onScroll={(e) => setScrollTop((scrolled.current = e.currentTarget.scrollTop))}>
          <div style={{ height: p.rowCount * ROW_H, minWidth, position: 'relative' }}>
            {rows.map((r) => (
              <div key={r} role="row" aria-rowindex={r + 2} className={`grid-row ${p.rowClass?.(r) ?? ''}`} style={{ top: r * ROW_H, gridTemplateColumns: template, height: ROW_H }}>
                {p.columns.map((col, c) => {
                  const err = p.error(r, c);
                  const warn = err ? null : (p.warning?.(r, c) ?? null);
                  const isActive = active.r === r && active.c === c;
                  const classes = ['grid-cell', `align-${col.align ?? 'left'}`, p.editable(r, c) ? 'cell-editable' : 'cell-readonly'];
                  if (selected(r, c)) classes.push('cell-selected');
                  if (isActive) classes.push('cell-active');
                  if (err) classes.push('cell-invalid');
                  if (warn) classes.push('cell-warning');
                  return (
                    <div
                      key={col.key}
                      role="gridcell"
                      aria-colindex={c + 1}
                      aria-selected={selected(r, c)}
                      aria-invalid={err ? true : undefined}
                      aria-readonly={!p.editable(r, c) || undefined}
                      data-cell={`${col.letter}${r + 1}`}
                      title={err ?? warn ?? undefined}
                      className={classes.join(' ')}
                      onMouseDown={(e) => {
                        if (editing) commit(editing);
                        e.preventDefault();
                        move({ r, c }, e.shiftKey);
                        grid.current?.focus({ preventScroll: true });
                        p.onCellClick?.(r, c);
                      }}
                      onDoubleClick={() => {
                        move({ r, c });
                        if (p.editable(r, c)) setEditing({ r, c, text: p.raw(r, c), mode: 'edit' });
                      }}
                    >
                      {editing && editing.r === r && editing.c === c ? (
                        <input
                          ref={input}
                          className="grid-input"
                          aria-label={`Sửa ô ${col.letter}${r + 1}`}
                          value={editing.text}
                          onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                          onKeyDown={onInputKey}
                          onBlur={() => editing && commit(editing)}
                        />
                      ) : (
                        p.display(r, c)
                      )}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        </div>
      </div>
      <div className="grid-status" role="status" aria-live="polite">
        <span className="grid-address">
          {p.columns[active.c]?.letter}
          {active.r + 1}
        </span>
        {activeError ? <span className="grid-error">{activeError}</span> : activeWarning ? <span className="grid-warning">Cần kiểm tra: {activeWarning}</span> : <span className="muted">Gõ số như trong Excel (58,82 hoặc 1.234); Ctrl+V để dán một khối từ Excel; Ctrl+Z để hoàn tác.</span>}
      </div>
    </div>
  );
}

function firstEditable(p: Pick<GridProps, 'columns' | 'editable' | 'rowCount'>): number {
  if (p.rowCount === 0) return 0;
  for (let c = 0; c < p.columns.length; c++) if (p.editable(0, c)) return c;
  return 0;
}
