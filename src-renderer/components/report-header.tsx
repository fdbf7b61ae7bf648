/** 机关名称, 年度 and the title derived from them, as printed at the head of the report. */
import { memo, useRef, useState } from 'react';
import { reportTitle } from '../../shared/format/sections';
import { parseYearInput } from '../../shared/report/number-input';
import { endEdit, typeAgency, typeYear, useDoc } from '../store/document-store';

export const ReportHeader = memo(function ReportHeader() {
  const agency = useDoc((s) => s.report.agency);
  const year = useDoc((s) => s.report.year);
  // a template whose title was not found has neither: say so rather than show 「上年报告： 」
  const baseline = useDoc((s) =>
    s.report.baseline ? [s.report.baseline.agency.trim(), s.report.baseline.year ?? ''].filter((p) => p !== '').join(' ') || '未读出机关名称和年度' : null,
  );
  const [yearDraft, setYearDraft] = useState<string | null>(null);
  const [yearHint, setYearHint] = useState('');
  const yearBefore = useRef<number | null>(null);
  // the year field is checked as a whole, like a cell: kept as typed, the report takes it once it is a year
  const onYear = (text: string) => {
    setYearDraft(text);
    setYearHint('');
    const p = parseYearInput(text, new Date().getFullYear());
    // while the text is not a year, the report keeps the year it had before this entry
    const year = p.ok ? p.value : yearBefore.current;
    if (year !== useDoc.getState().report.year) typeYear(year);
  };
  const leaveYear = () => {
    const p = yearDraft === null ? null : parseYearInput(yearDraft, new Date().getFullYear());
    // a refused entry says why, and the field shows the year the report keeps
    if (p && !p.ok) setYearHint(`「${yearDraft!.trim()}」：${p.message}`);
    setYearDraft(null);
    endEdit();
  };
  return (
    <header className="report-header">
      <div className="fields">
        <label>
          机关名称
          <input
            data-field="agency"
            value={agency}
            placeholder="如：某某市人民政府办公室"
            onChange={(e) => typeAgency(e.currentTarget.value)}
            onBlur={() => endEdit()}
          />
        </label>
        <label>
          年度
          <input
            data-field="year"
            className="year"
            value={yearDraft ?? (year === null ? '' : String(year))}
            placeholder={String(new Date().getFullYear() - 1)}
            onChange={(e) => onYear(e.currentTarget.value)}
            aria-invalid={yearHint ? true : undefined}
            onFocus={() => (yearBefore.current = useDoc.getState().report.year)}
            onBlur={leaveYear}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
          {yearHint && (
            <span className="hint inline" role="alert">
              {yearHint}
            </span>
          )}
        </label>
        {baseline && <span className="baseline-note">上年报告：{baseline}（单元格下方灰字为上年数值及变化）</span>}
      </div>
      <h1 data-testid="report-title">{reportTitle(agency, year)}</h1>
    </header>
  );
});
