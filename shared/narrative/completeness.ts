/**
 * Completeness of the text, as third-party evaluations score it: whether 一、总体情况 covers the five subjects the
 * format names, whether 五 states last year's rectification and this year's problems with measures, whether the
 * opening states the statistical period and a contact, whether the title is 「<机关>20XX年政府信息公开工作年度报告」,
 * and, for 各级人民政府, whether 工作考核、社会评议和责任追究结果情况 are reported (条例第五十条第（四）项).
 *
 * Each missing subject is one item with the standard heading or sentence skeleton the editor offers to insert
 * (「插入标准表述」), so the finding and the drafting help come from the same list. Info or warning, never error:
 * a subject written in unusual words is missed by a keyword search, and the clerk decides.
 */
import type { NarrativeId } from '../format/types';
import { narrativeHeading } from '../format/sections';
import { REPORT_TITLE_SUFFIX } from '../format/sections';
import type { Check } from '../findings/check';
import type { Finding, Severity } from '../findings/finding';
import type { Report } from '../report/document';
import { halfWidthDigits, halfWidthOf } from './numbers';

/** The codes of this module: what the text leaves out, as opposed to what it states wrongly. */
export const COMPLETENESS_CODES: ReadonlySet<string> = new Set([
  'NARR-OVERVIEW-TOPIC',
  'NARR-PROBLEMS-HALF',
  'NARR-OPENING',
  'NARR-TITLE',
  'NARR-GOV-ASSESSMENT',
]);

export type MissingSubject = {
  /** Stable id: 'overview.active', 'problems.last-year', 'opening.period', 'gov.assessment' … */
  readonly id: string;
  readonly code: string;
  readonly severity: Severity;
  /** Where it belongs (and where the skeleton is inserted). */
  readonly section: NarrativeId;
  /** The subject in the format's words. */
  readonly label: string;
  readonly message: string;
  /** The standard heading or sentence to insert, with 「……」 where the clerk writes. */
  readonly skeleton: string;
};

/** The format's own words for 一 (国办公开办函〔2021〕30号). */
const OVERVIEW_RULE = '格式要求总体情况「主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障」';

/**
 * The five subjects of 一: covered when a sub-heading names it (`heading`: its usual words), or when the text speaks of
 * it in the format's own terms (`strong`). A passing mention (「属于已主动公开范围」) is not a topic.
 */
const OVERVIEW_TOPICS: readonly { readonly id: string; readonly label: string; readonly heading: RegExp; readonly strong: RegExp }[] = [
  { id: 'active', label: '主动公开', heading: /主动公开/, strong: /主动公开(?:方面|情况|工作)/ },
  { id: 'request', label: '依申请公开', heading: /依申请|公开申请/, strong: /依申请公开(?:方面|情况|工作)|政府信息公开申请/ },
  { id: 'management', label: '政府信息管理', heading: /信息管理|公开目录|保密审查|发布审查|政策解读|信息发布|文件(?:清理|管理)/, strong: /政府信息管理/ },
  { id: 'platform', label: '政府信息公开平台建设', heading: /平台|网站|新媒体|公报/, strong: /平台建设/ },
  { id: 'supervision', label: '监督保障', heading: /监督|保障|考核|培训|评议|责任追究/, strong: /监督保障/ },
];
const CN_ORDINAL = ['一', '二', '三', '四', '五'];

/** Sub-headings: 「（二）依申请公开方面。…」 up to its first stop, or a short line of its own (「主动公开情况：」). */
const subHeadings = (text: string): string[] =>
  text.split('\n').flatMap((p) => {
    const t = p.trim();
    const numbered = /^[（(][一二三四五六七八九十]{1,3}[)）]\s*([^。：:；]{1,40})/.exec(t);
    if (numbered) return [numbered[1]!];
    return t.length <= 24 && !/[。，]/.test(t.replace(/[。：:]$/, '')) ? [t] : [];
  });

const overviewMissing = (report: Report): MissingSubject[] => {
  const text = report.narratives.overview;
  if (!text.trim()) return []; // NARRATIVE-EMPTY says it already
  const headings = subHeadings(text);
  return OVERVIEW_TOPICS.flatMap((t, i) =>
    headings.some((h) => t.heading.test(h)) || t.strong.test(text)
      ? []
      : [
          {
            id: `overview.${t.id}`,
            code: 'NARR-OVERVIEW-TOPIC',
            severity: 'warning' as const,
            section: 'overview' as const,
            label: t.label,
            message: `「${narrativeHeading('overview')}」未见「${t.label}」方面的内容（${OVERVIEW_RULE}）。请补写，可用「插入标准表述」加入小标题。`,
            skeleton: `（${CN_ORDINAL[i]}）${t.label}\n……`,
          },
        ],
  );
};

/** 五: 上年度问题整改情况 (last year's problems and how they were put right), and this year's problems with measures. */
const problemsMissing = (report: Report): MissingSubject[] => {
  const text = halfWidthOf(report.narratives.problems);
  if (!text.trim()) return [];
  const y = report.year;
  const lastYear = new RegExp(`上(?:一)?年(?:度)?|去年${y !== null ? `|${y - 1}\\s*年` : ''}`);
  const out: MissingSubject[] = [];
  const heading = narrativeHeading('problems');
  const hasLast = lastYear.test(text) && /整改|改进|解决|落实|完成/.test(text);
  if (!hasLast)
    out.push({
      id: 'problems.last-year',
      code: 'NARR-PROBLEMS-HALF',
      severity: 'info',
      section: 'problems',
      label: '上年度问题整改情况',
      message: `「${heading}」未说明上年度存在问题的整改情况（条例第五十条第（四）项「存在的主要问题及改进情况」）。请写明上年度问题及整改落实情况。`,
      skeleton: `（一）上年度问题整改情况\n针对上年度报告提出的……问题，……（整改措施及成效）。`,
    });
  const hasProblems = /问题|不足|短板|差距|薄弱|有待/.test(text);
  const hasMeasures = /改进|措施|整改|下一步|下步|接下来|今后|我们将|将(?:进一步|继续|持续|加强|加大|着力|[：:])|计划|拟/.test(text);
  if (!hasProblems || !hasMeasures)
    out.push({
      id: 'problems.this-year',
      code: 'NARR-PROBLEMS-HALF',
      severity: 'warning',
      section: 'problems',
      label: '本年度存在的主要问题及改进措施',
      message: `「${heading}」${!hasProblems ? '未写明本年度存在的主要问题' : '未写明针对本年度问题的改进措施'}（条例第五十条第（四）项「存在的主要问题及改进情况」）。`,
      skeleton: `（二）存在的主要问题及改进措施\n存在的主要问题：一是……；二是……。\n改进措施：一是……；二是……。`,
    });
  return out;
};

/** The statistical period and a contact, stated in the opening (or anywhere in 一 / the report). */
const openingMissing = (report: Report): MissingSubject[] => {
  const overview = halfWidthOf(report.narratives.overview);
  if (!overview.trim()) return [];
  const all = Object.values(report.narratives).join('\n');
  const y = report.year ?? '20XX';
  const out: MissingSubject[] = [];
  const period = /统计(?:期限|时间|期间|区间|时限)|1\s*月\s*1\s*日[^。\n]{0,12}12\s*月\s*31\s*日/.test(overview);
  if (!period)
    out.push({
      id: 'opening.period',
      code: 'NARR-OPENING',
      severity: 'info',
      section: 'overview',
      label: '统计期限',
      message: `「${narrativeHeading('overview')}」开头未说明统计期限（如「本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止」）。`,
      skeleton: `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`,
    });
  if (!/联系|咨询|疑问|电话|地址|邮编|邮政编码|电子邮箱|邮箱/.test(all))
    out.push({
      id: 'opening.contact',
      code: 'NARR-OPENING',
      severity: 'info',
      section: 'overview',
      label: '联系方式',
      message: `报告正文未说明对本报告有疑问时的联系方式（通常在开头：「如对本报告有任何疑问，请与……联系（地址、邮编、电话、电子邮箱）」）。`,
      skeleton: '如对本报告有任何疑问，请与……联系（地址：……；邮编：……；电话：……；电子邮箱：……）。',
    });
  return out;
};

/** The title is made of the agency and the year: an agency field carrying a year or 「报告」 gives a wrong title. */
const titleMissing = (report: Report): MissingSubject[] => {
  const agency = report.agency.trim();
  if (!agency || report.year === null) return []; // AGENCY-EMPTY / YEAR-EMPTY
  if (!/(?:19|20)\d{2}\s*年|年度|报告|工作/.test(halfWidthDigits(agency))) return [];
  return [
    {
      id: 'title',
      code: 'NARR-TITLE',
      severity: 'info',
      section: 'overview',
      label: '标题',
      message: `机关名称「${agency}」含有年度或「报告」等字样，标题将成为「${agency}${report.year}${REPORT_TITLE_SUFFIX}」。标题应为「<机关名称>${report.year}${REPORT_TITLE_SUFFIX}」，请在机关名称中只填写机关全称。`,
      skeleton: '',
    },
  ];
};

/** 各级人民政府 (and their 办公室/办公厅, which publish the government's report). */
export const isPeoplesGovernment = (agency: string): boolean => /人民政府(?:办公室|办公厅)?$/.test(agency.trim());
const GOV_ITEMS: readonly { readonly label: string; readonly re: RegExp }[] = [
  { label: '工作考核', re: /考核/ },
  { label: '社会评议', re: /评议|社会评价|测评|满意度/ },
  { label: '责任追究', re: /责任追究|追究责任|追责|问责/ },
];

const govMissing = (report: Report): MissingSubject[] => {
  if (!isPeoplesGovernment(report.agency)) return [];
  const all = Object.values(report.narratives).join('\n');
  if (!all.trim()) return [];
  const missing = GOV_ITEMS.filter((g) => !g.re.test(all)).map((g) => g.label);
  if (!missing.length) return [];
  return [
    {
      id: 'gov.assessment',
      code: 'NARR-GOV-ASSESSMENT',
      severity: 'info',
      section: 'overview',
      label: '工作考核、社会评议和责任追究结果情况',
      message: `各级人民政府的年度报告「还应当包括工作考核、社会评议和责任追究结果情况」（条例第五十条第（四）项），正文未见${missing.map((m) => `「${m}」`).join('')}的结果情况（格式将其列在总体情况·监督保障中）。`,
      skeleton: '本年度，……政务公开工作纳入绩效考核，考核结果……；通过……开展社会评议，……；本年度未发生（或：发生……起）政府信息公开工作责任追究情况。',
    },
  ];
};

/** Every subject the report leaves out, in the order of the report. */
export const missingSubjects = (report: Report): MissingSubject[] => [
  ...titleMissing(report),
  ...openingMissing(report),
  ...overviewMissing(report),
  ...govMissing(report),
  ...problemsMissing(report),
];

export const completenessFindings = (report: Report): Finding[] =>
  missingSubjects(report).map((m) => {
    const text = report.narratives[m.section];
    // Points at the section's first line: there is no sentence to mark for something that is not there.
    const end = Math.min(text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'), 40);
    return {
      code: m.code,
      severity: m.severity,
      cells: [],
      message: m.message,
      actual: m.label,
      narrative: { section: m.section, start: 0, end, quote: text.slice(0, end) },
    };
  });

export const narrativeCompletenessCheck: Check = ({ report }) => completenessFindings(report);
