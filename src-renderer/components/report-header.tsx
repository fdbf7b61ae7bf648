/** 机关名称, 年度 and the title derived from them, as printed at the head of the report. */
import { memo, useState } from 'react';
import { reportTitle } from '../../shared/format/sections';
import { endEdit, typeAgency, typeYear, useDoc } from '../store/document-store';

export const ReportHeader = memo(function ReportHeader() {
  const agency = useDoc((s) => s.report.agency);
  const year = useDoc((s) => s.report.year);
  const baseline = useDoc((s) => (s.report.baseline ? `${s.report.baseline.agency} ${s.report.baseline.year ?? ''}` : null));
  const [yearDraft, setYearDraft] = useState<string | null>(null);
  const [yearHint, setYearHint] = useState('');
  const onYear = (text: string) => {
    const t = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
    if (!/^\d{0,4}$/.test(t)) {
      setYearHint('年度为四位数字，如 2024');
      return;
    }
    setYearHint('');
    setYearDraft(t);
    if (t === '') typeYear(null);
    else if (t.length === 4 && +t >= 2000 && +t <= 2100) typeYear(+t);
  };
  return (
    <header className="report-header">
      <div className="fields">
        <label>
          机关名称
          <input data-field="agency" value={agency} placeholder="如：某某市人民政府办公室" onChange={(e) => typeAgency(e.currentTarget.value)} onBlur={() => endEdit()} />
        </label>
        <label>
          年度
          <input
            data-field="year"
            className="year"
            inputMode="numeric"
            value={yearDraft ?? (year === null ? '' : String(year))}
            placeholder="2024"
            onChange={(e) => onYear(e.currentTarget.value)}
            onBlur={() => {
              setYearDraft(null);
              setYearHint('');
              endEdit();
            }}
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
