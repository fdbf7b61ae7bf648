/**
 * 落款 at the end of the report: the signing agency and the date, right-aligned as GB/T 9704 prints them
 * under the last section. Blank prints no 落款.
 */
import { memo } from 'react';
import { signOffAgencyHint, signOffDateHint } from '../../shared/report/sign-off';
import { endEdit, typeSignOff, useDoc } from '../store/document-store';

export const SignOffSection = memo(function SignOffSection() {
  const signOff = useDoc((s) => s.report.signOff);
  const agency = useDoc((s) => s.report.agency);
  const hint = signOffDateHint(signOff.date);
  const agencyHint = signOffAgencyHint(signOff);
  return (
    <section className="section sign-off" data-section="signOff" aria-labelledby="h-sign-off">
      <h2 id="h-sign-off">落款</h2>
      <div className="sign-off-fields">
        <label>
          署名机关
          <input
            data-field="signOff.agency"
            value={signOff.agency}
            // an example, never the bare name: that read as already signed while the export printed no agency
            placeholder={`如：${agency.trim() || '某某县人民政府办公室'}`}
            onChange={(e) => typeSignOff('agency', e.currentTarget.value)}
            onBlur={() => endEdit()}
          />
          {agencyHint && (
            <span className="hint inline" role="status">
              {agencyHint}
            </span>
          )}
        </label>
        <label>
          成文日期
          <input
            data-field="signOff.date"
            className="date"
            value={signOff.date}
            placeholder="如：2025年1月20日"
            onChange={(e) => typeSignOff('date', e.currentTarget.value)}
            onBlur={() => endEdit()}
          />
          {hint && (
            <span className="hint inline" role="status">
              {hint}
            </span>
          )}
        </label>
      </div>
      <p className="sign-off-note">导出 Word 时印在正文之后、右对齐（GB/T 9704：署名在上，成文日期在下）；两项都空则不印落款。</p>
    </section>
  );
});
