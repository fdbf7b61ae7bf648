/** Every finding of the document, grouped by table, counts always in view; a click goes to the cell. */
import { memo } from 'react';
import type { Finding } from '../../shared/findings/finding';
import { SEVERITY_LABEL, SEVERITY_ORDER, type Severity } from '../../shared/findings/finding';
import { targetOf } from '../../shared/findings/codes';
import { focusCell } from '../store/cell-actions';
import { useDoc } from '../store/document-store';
import { type FindingEntry, derive, groupEntries } from '../store/findings';

/** error, warning, info: the order the counts are shown in. */
const SEVERITIES = (Object.keys(SEVERITY_ORDER) as Severity[]).sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]);

/** Goes to where a finding points (its target): the selected sentence, its first cell, a section or a header field. */
export const goToFinding = (f: Finding): void => {
  const t = targetOf(f);
  switch (t.kind) {
    case 'narrative': {
      const el = document.querySelector<HTMLTextAreaElement>(`textarea[data-narrative="${t.section}"]`);
      if (el) {
        el.focus();
        el.setSelectionRange(t.start, t.end);
        el.scrollIntoView({ block: 'center' });
      }
      return;
    }
    case 'cells': {
      const first = t.cells[0]!;
      document.querySelector(`[data-cell="${first}"]`)?.scrollIntoView({ block: 'center' });
      focusCell(first);
      return;
    }
    case 'header':
      document.querySelector<HTMLInputElement>(`[data-field="${t.field}"]`)?.focus();
      return;
    case 'section': {
      const el = document.querySelector<HTMLElement>(`textarea[data-narrative="${t.section}"], [data-section="${t.section}"]`);
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
      return;
    }
    case 'none':
      return;
  }
};

const Item = memo(
  function Item({ f }: { f: Finding }) {
    return (
      <li>
        <button type="button" className={`finding sev-${f.severity}`} data-code={f.code} data-severity={f.severity} onClick={() => goToFinding(f)}>
          <span className={`icon sev-icon ${f.severity}`} role="img" aria-label={SEVERITY_LABEL[f.severity]} />
          <span className="msg">{f.message}</span>
        </button>
      </li>
    );
  },
  (a, b) =>
    a.f.code === b.f.code &&
    a.f.message === b.f.message &&
    a.f.severity === b.f.severity &&
    a.f.cells[0] === b.f.cells[0] &&
    a.f.narrative?.start === b.f.narrative?.start,
);

/** Many findings of one code in one section as one entry; the sentences listed on demand, each a click away. */
const Folded = ({ e }: { e: FindingEntry & { members: readonly Finding[] } }) => (
  <li className="folded">
    <button
      type="button"
      className={`finding sev-${e.finding.severity}`}
      data-code={e.finding.code}
      data-severity={e.finding.severity}
      data-count={e.members.length}
      onClick={() => goToFinding(e.finding)}
    >
      <span className={`icon sev-icon ${e.finding.severity}`} role="img" aria-label={SEVERITY_LABEL[e.finding.severity]} />
      <span className="msg">{e.finding.message}</span>
    </button>
    <details className="members">
      <summary>逐句查看（{e.members.length} 句）</summary>
      <ul>
        {e.members.map((f) => (
          <Item key={f.narrative?.start} f={f} />
        ))}
      </ul>
    </details>
  </li>
);

const Entry = ({ e }: { e: FindingEntry }) => (e.members ? <Folded e={e as FindingEntry & { members: readonly Finding[] }} /> : <Item f={e.finding} />);

export const Counts = memo(function Counts() {
  const counts = useDoc((s) => derive(s.report).counts);
  return (
    <div className="counts" data-testid="counts" role="status">
      {SEVERITIES.map((sev) => (
        <span key={sev} className={`count-pill ${sev}${counts[sev] ? '' : ' zero'}`} data-testid={`count-${sev}`}>
          <span className={`sev-icon ${sev}`} aria-hidden="true" /> {SEVERITY_LABEL[sev]} {counts[sev]}
        </span>
      ))}
    </div>
  );
});

export const FindingsPanel = memo(function FindingsPanel() {
  const derived = useDoc((s) => derive(s.report));
  const groups = groupEntries(derived.entries);
  return (
    <aside className="findings" data-testid="findings" data-rev={derived.rev} aria-label="检查结果">
      <div className="findings-head">
        <h2>检查结果</h2>
        <Counts />
      </div>
      <div className="findings-body">
        {groups.length === 0 && <p className="all-good">未发现问题：各表勾稽关系一致。</p>}
        {groups.map((g) => (
          <section key={g.key} className="finding-group" data-group={g.key}>
            <h3>
              {g.label}
              <span className="group-count">{g.entries.length}</span>
            </h3>
            <ul>
              {g.entries.map((e, i) => (
                <Entry key={`${e.finding.code}:${e.finding.cells[0] ?? e.finding.narrative?.start ?? i}:${i}`} e={e} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
});
