/**
 * 落款 at the end of the report: the signing agency and the date, right-aligned as GB/T 9704 prints them
 * under the last section. Blank prints no 落款.
 */
import { memo } from 'react';
import { signOffAgencyHint, signOffDateHint } from '../../shared/report/sign-off';
import type { SignOff } from '../../shared/report/document';
import { endEdit, typeSignOff, useDoc } from '../store/document-store';

/** One of the two 落款 lines: its field and, under it, what the clerk should know about what it holds. */
const SignOffField = (props: { part: keyof SignOff; label: string; placeholder: string; hint: string; className?: string }) => (
  <label>
    {props.label}
    <input
      data-field={`signOff.${props.part}`}
      className={props.className}
      value={useDoc((s) => s.report.signOff[props.part])}
      placeholder={props.placeholder}
      onChange={(e) => typeSignOff(props.part, e.currentTarget.value)}
      onBlur={() => endEdit()}
    />
    {props.hint && (
      <span className="hint inline" role="status">
        {props.hint}
      </span>
    )}
  </label>
);

export const SignOffSection = memo(function SignOffSection() {
  const signOff = useDoc((s) => s.report.signOff);
  const agency = useDoc((s) => s.report.agency);
  const year = useDoc((s) => s.report.year);
  return (
    <section className="section sign-off" data-section="signOff" aria-labelledby="h-sign-off">
      <h2 id="h-sign-off">落款</h2>
      <div className="sign-off-fields">
        {/* examples, never the bare name: that read as already signed while the export printed no agency */}
        <SignOffField part="agency" label="署名机关" placeholder={`如：${agency.trim() || '某某县人民政府办公室'}`} hint={signOffAgencyHint(signOff)} />
        {/* a report is signed in the January after its year */}
        <SignOffField
          part="date"
          label="成文日期"
          className="date"
          placeholder={`如：${(year ?? new Date().getFullYear() - 1) + 1}年1月20日`}
          hint={signOffDateHint(signOff.date)}
        />
      </div>
      <p className="sign-off-note">导出 Word 时印在正文之后、右对齐（GB/T 9704：署名在上，成文日期在下）；两项都空则不印落款。</p>
    </section>
  );
});
