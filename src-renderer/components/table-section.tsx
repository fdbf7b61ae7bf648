/** A statutory table drawn from tableLayout(): merged headers and row labels as the format gives them. */
import { memo } from 'react';
import { type GridCell, tableLayout } from '../../shared/format/header-layout';
import { TABLE_NAMES } from '../../shared/format/cells';
import type { TableId } from '../../shared/format/types';
import { Cell } from './cell';
import { TableText } from './narrative-section';

const LabelCell = ({ g }: { g: GridCell }) => {
  const props = { rowSpan: g.rowSpan > 1 ? g.rowSpan : undefined, colSpan: g.colSpan > 1 ? g.colSpan : undefined };
  switch (g.kind) {
    case 'header':
      return (
        <th scope="col" className="h" {...props}>
          {g.text}
        </th>
      );
    case 'note':
      return (
        <th className="note" {...props}>
          {g.text}
        </th>
      );
    case 'item':
      return (
        <th className="item" {...props}>
          {g.text}
        </th>
      );
    default:
      return (
        <th scope="row" className={`label${g.rowSpan > 1 ? ' group' : ''}`} {...props}>
          {g.text}
        </th>
      );
  }
};

/** rows: while the page is first drawn, only so many body rows (the rest follow a frame later). */
export const TableSection = memo(function TableSection({ table, heading, rows }: { table: TableId; heading: string; rows?: number }) {
  const layout = tableLayout(table);
  const head = layout.rows.slice(0, layout.headerRows);
  const body = layout.rows.slice(layout.headerRows, rows === undefined ? undefined : layout.headerRows + rows);
  const row = (cells: readonly GridCell[], i: number) => (
    <tr key={i}>
      {cells.map((g) =>
        g.kind === 'data' && g.cellId ? <Cell key={g.cellId} id={g.cellId} colSpan={g.colSpan} /> : <LabelCell key={`${g.row}.${g.col}`} g={g} />,
      )}
    </tr>
  );
  return (
    <section className="section table-section" data-section={table} aria-labelledby={`h-${table}`}>
      <h2 id={`h-${table}`}>{heading}</h2>
      {/* in a narrow window the grid scrolls sideways in this box rather than squeeze its numbers out of sight (styles.css) */}
      <div className="grid-scroll">
        <table className={`grid grid-${table}`} aria-label={TABLE_NAMES[table]}>
          {/* one <col> per grid column of the layout; their widths are in styles.css (no inline style, no CSP exception) */}
          <colgroup>
            {Array.from({ length: layout.columnCount }, (_, i) => (
              <col key={i} className={`c${i}`} />
            ))}
          </colgroup>
          {head.length > 0 && <thead>{head.map(row)}</thead>}
          <tbody>{body.map((r, i) => row(r, i + head.length))}</tbody>
        </table>
      </div>
      <TableText table={table} />
    </section>
  );
});
