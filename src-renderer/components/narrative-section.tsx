/** The text sections 一、五、六 (paragraphs kept as typed) and the short texts under each table. */
import { memo, useRef, useState } from 'react';
import type { NarrativeId, TableId } from '../../shared/format/types';
import { endEdit, setNarrative, typeNarrative, typeTableText, useDoc } from '../store/document-store';
import { setStatus } from '../store/view-store';
import { draftApplicationSentence, draftBlankTables, draftReviewSentence, draftSkeletons, insertParagraphs } from '../../shared/narrative/draft';
import type { Report } from '../../shared/report/document';
import { derive } from '../store/findings';

const countChars = (s: string) => s.replace(/\s/g, '').length;
const countParagraphs = (s: string) => s.split(/\n+/).filter((p) => p.trim()).length;

/** Where the caret was when the textarea lost focus: the button must insert there, not at the end. */
const carets = new Map<NarrativeId, { start: number; end: number }>();

/** Puts `insert` into section `id` at the remembered caret as paragraphs of its own, selects it, says so. */
const insertAtCaret = (id: NarrativeId, insert: string, status: string, asParagraphs: boolean): void => {
  const text = useDoc.getState().report.narratives[id];
  const at = carets.get(id) ?? { start: text.length, end: text.length };
  const done = asParagraphs
    ? insertParagraphs(text, at.start, at.end, insert)
    : { text: text.slice(0, at.start) + insert + text.slice(at.end), from: at.start, to: at.start + insert.length };
  setNarrative(id, done.text);
  carets.set(id, { start: done.to, end: done.to });
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLTextAreaElement>(`textarea[data-narrative="${id}"]`);
    el?.focus();
    el?.setSelectionRange(done.from, done.to);
  });
  setStatus(status, 'ok');
};

export const insertStandardSentences = (id: NarrativeId): void => {
  try {
    const report = useDoc.getState().report;
    const blank = draftBlankTables(report);
    if (blank.length) {
      setStatus(`${blank.join('、')}的总计尚有空白（空白不是 0），请先填写${blank.join('、')}，再插入标准表述`, 'error');
      return;
    }
    const sentences = [draftApplicationSentence(report), draftReviewSentence(report)].filter((s) => s.trim()).join('');
    insertAtCaret(id, sentences, '已插入依申请公开和行政复议、行政诉讼的标准表述，请核对', false);
  } catch (e) {
    setStatus((e as Error).message, 'error');
  }
};

/** 插入标准表述 for a subject the completeness checks find missing: its heading or sentence skeleton. */
export const insertSkeleton = (id: NarrativeId, subject: string): void => {
  try {
    const s = draftSkeletons(useDoc.getState().report, id).find((x) => x.id === subject);
    if (!s) return;
    insertAtCaret(id, s.text, `已插入「${s.label}」的标准表述，请将「……」处补写完整`, true);
  } catch (e) {
    setStatus((e as Error).message, 'error');
  }
};

/** The subjects missing from a section that have a skeleton, as 「id:label|…」 (a primitive, stable for the selector). */
const skeletonSignature = (report: Report, id: NarrativeId): string =>
  draftSkeletons(report, id)
    .map((s) => `${s.id}:${s.label}`)
    .join('|');

/** One small button per missing subject: 「＋ 监督保障」. */
const SkeletonOffers = ({ id, signature, remember }: { id: NarrativeId; signature: string; remember: () => void }) => (
  <div className="skeleton-offers" data-testid={`skeletons-${id}`}>
    <span className="skeleton-label">缺少的内容，插入标准表述：</span>
    {signature.split('|').map((entry) => {
      const [subject, label] = entry.split(':') as [string, string];
      return (
        <button
          key={subject}
          type="button"
          className="btn small ghost"
          data-testid="insert-skeleton"
          data-subject={subject}
          onMouseDown={remember}
          onClick={() => insertSkeleton(id, subject)}
          title={`插入「${label}」的小标题或标准句式，插入到光标处`}
        >
          ＋ {label}
        </button>
      );
    })}
  </div>
);

/** The sentences findings point at in one section, as a primitive signature (stable for the selector). */
const rangeSignature = (report: Report, id: NarrativeId): string =>
  derive(report)
    .findings.filter((f) => f.narrative?.section === id)
    .map((f) => `${f.narrative!.start}:${f.narrative!.end}:${f.severity}`)
    .join('|');

/** The text with the sentences of findings marked, drawn behind the transparent textarea. */
const Highlights = ({ text, signature, backRef }: { text: string; signature: string; backRef: React.RefObject<HTMLDivElement> }) => {
  const ranges = signature
    .split('|')
    .map((r) => r.split(':'))
    .map(([a, b, sev]) => ({ start: Number(a), end: Math.min(Number(b), text.length), sev: sev! }))
    .filter((r) => r.end > r.start)
    .sort((x, y) => x.start - y.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach((r, i) => {
    if (r.end <= at) return;
    const start = Math.max(r.start, at);
    parts.push(text.slice(at, start));
    parts.push(
      <mark key={i} className={`sev-${r.sev}`}>
        {text.slice(start, r.end)}
      </mark>,
    );
    at = r.end;
  });
  parts.push(`${text.slice(at)}\n`);
  return (
    <div className="narr-backdrop" aria-hidden="true" ref={backRef}>
      {parts}
    </div>
  );
};

export const NarrativeSection = memo(function NarrativeSection({ id, heading, placeholder }: { id: NarrativeId; heading: string; placeholder: string }) {
  const text = useDoc((s) => s.report.narratives[id]);
  const prevText = useDoc((s) => s.report.baseline?.narratives?.[id]);
  const [showPrev, setShowPrev] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const backRef = useRef<HTMLDivElement>(null);
  const signature = useDoc((s) => rangeSignature(s.report, id));
  const skeletons = useDoc((s) => skeletonSignature(s.report, id));
  const remember = () => {
    const el = ref.current;
    if (el) carets.set(id, { start: el.selectionStart, end: el.selectionEnd });
  };
  return (
    <section className="section narrative-section" data-section={id} aria-labelledby={`h-${id}`}>
      <div className="section-head">
        <h2 id={`h-${id}`}>{heading}</h2>
        {id === 'overview' && (
          <button
            type="button"
            className="btn small"
            data-testid="insert-standard"
            onMouseDown={remember}
            onClick={() => insertStandardSentences(id)}
            title="按表三、表四的数字生成依申请公开和行政复议、行政诉讼的标准表述，插入到光标处"
          >
            插入标准表述
          </button>
        )}
        {prevText !== undefined && prevText.trim() !== '' && (
          <button type="button" className="btn small ghost" onClick={() => setShowPrev(!showPrev)}>
            {showPrev ? '隐藏上年正文' : '查看上年正文'}
          </button>
        )}
      </div>
      <div className="narr-wrap">
        {signature && <Highlights text={text} signature={signature} backRef={backRef} />}
        <textarea
          ref={ref}
          data-narrative={id}
          onScroll={(e) => {
            if (backRef.current) backRef.current.scrollTop = e.currentTarget.scrollTop;
          }}
          aria-label={heading}
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            typeNarrative(id, e.currentTarget.value);
            remember();
          }}
          onSelect={remember}
          onBlur={() => {
            remember();
            endEdit();
          }}
        />
      </div>
      {skeletons && <SkeletonOffers id={id} signature={skeletons} remember={remember} />}
      <div className="count" data-testid={`count-${id}`}>
        {countChars(text)} 字 · {countParagraphs(text)} 段
      </div>
      {showPrev && prevText && <div className="prev-text">{prevText}</div>}
    </section>
  );
});

export const TableText = memo(function TableText({ table }: { table: TableId }) {
  const text = useDoc((s) => s.report.tableTexts[table]);
  const [open, setOpen] = useState(false);
  if (!open && !text)
    return (
      <button type="button" className="btn link" onClick={() => setOpen(true)}>
        ＋ 表后说明
      </button>
    );
  return (
    <textarea
      className="table-text"
      data-table-text={table}
      aria-label="表后说明"
      placeholder="表后说明（可选，随表导出）"
      value={text}
      onChange={(e) => typeTableText(table, e.currentTarget.value)}
      onBlur={() => endEdit()}
    />
  );
});
