/** Modal dialogs: paste a published report's text, confirm an export with errors, keyboard help. */
import { codeInfo } from '../../shared/findings/codes';
import { memo, useEffect, useRef, useState } from 'react';
import { SEVERITY_LABEL } from '../../shared/findings/finding';
import { exportReport, importPastedText } from '../store/app-actions';
import { useDoc } from '../store/document-store';
import { derive, exportConcerns } from '../store/findings';
import { goToFinding } from './findings-panel';
import { useView } from '../store/view-store';

const close = () => useView.setState({ dialog: null });

const Modal = ({ title, children, testid }: { title: string; children: React.ReactNode; testid: string }) => {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>('textarea, button.primary, button')?.focus();
    // closed, the focus goes back where the clerk was (the cell, the button), unless the dialog sent it somewhere
    // (「返回修改」 to the first problem): a keyboard user otherwise starts again from the top of the page
    return () => {
      const now = document.activeElement;
      if ((!now || now === document.body) && opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <div className="backdrop" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={title} data-testid={testid} ref={ref}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
};

const PasteText = () => {
  const [text, setText] = useState('');
  const busy = useView((s) => s.busy);
  return (
    <Modal title="粘贴已发布的报告文本" testid="paste-text-dialog">
      <p className="dialog-tip">在浏览器中打开已发布的年度报告网页（或 PDF），全选复制后粘贴到下面，程序将读取其中的表格数字和正文。</p>
      <textarea
        className="paste-area"
        data-testid="paste-text-area"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        placeholder="在此粘贴报告全文…"
      />
      <div className="dialog-buttons">
        <button type="button" className="btn" onClick={close}>
          取消
        </button>
        <button type="button" className="btn primary" data-testid="paste-text-ok" disabled={busy || !text.trim()} onClick={() => void importPastedText(text)}>
          读取
        </button>
      </div>
    </Modal>
  );
};

/** Before an export: what the file would hide (errors, blanks printed as 0, no agency or year); back, or a marked draft. */
const ConfirmExport = ({ kind }: { kind: 'docx' | 'xlsx' | 'html' }) => {
  const findings = derive(useDoc.getState().report).findings;
  const { errors, blankCells, missing } = exportConcerns(findings);
  const first = errors[0] ?? missing[0] ?? findings.find((f) => codeInfo(f.code)?.beforeExport === 'blank-cells');
  const back = () => {
    close();
    if (first) goToFinding(first);
  };
  return (
    <Modal title="导出前请核对" testid="confirm-export">
      <ul className="dialog-list">
        {missing.map((f) => (
          <li key={f.code} data-code={f.code} data-severity={f.severity}>
            <b>{SEVERITY_LABEL[f.severity]}</b> {f.message}，导出的标题将不完整
          </li>
        ))}
        {blankCells > 0 && (
          <li data-code="BLANK-CELLS" data-severity="warning">
            <b>{SEVERITY_LABEL.warning}</b> 有 {blankCells} 个单元格为空白，导出后显示为 0。无数据请填 0；有数据请返回填写
          </li>
        )}
        {errors.map((f, i) => (
          <li key={i} data-code={f.code} data-severity={f.severity}>
            <b>{SEVERITY_LABEL[f.severity]}</b> {f.message}
          </li>
        ))}
      </ul>
      <p className="dialog-tip">
        {errors.length ? `以上 ${errors.length} 个错误尚未改正，正式报送前须改正。` : ''}仍可导出草稿：文件名带「（草稿）」
        {kind === 'docx' ? '，首页标有「草稿」' : ''}，以免与正式文件混淆。
      </p>
      <div className="dialog-buttons">
        <button type="button" className="btn" data-testid="confirm-export-back" onClick={back}>
          返回修改
        </button>
        <button type="button" className="btn primary" data-testid="confirm-export-ok" onClick={() => void exportReport(kind, true)}>
          仍然导出草稿
        </button>
      </div>
    </Modal>
  );
};

const ErrorDialog = ({ title, message }: { title: string; message: string }) => (
  <Modal title={title} testid="error-dialog">
    <p className="dialog-message" role="alert">
      {message}
    </p>
    <div className="dialog-buttons">
      <button type="button" className="btn primary" onClick={close}>
        确定
      </button>
    </div>
  </Modal>
);

/** Every key the editor answers to (app.tsx, cell.tsx): a keyboard clerk looks here for Save and Delete too. */
const KEYS: readonly (readonly [string, string])[] = [
  ['方向键', '移到相邻单元格（Shift+方向键：选择区域）'],
  ['Tab / Shift+Tab', '移到下一个 / 上一个单元格（合计自动计算开启时跳过只读的总计）'],
  ['Enter / Shift+Enter', '确认并下移 / 上移（跳过只读的总计；在表的最后一行移到下一张表）'],
  ['直接输入', '替换单元格内容；F2 或双击：在原内容上修改'],
  ['Esc', '放弃本单元格的修改'],
  ['Delete', '清空选中的单元格或区域'],
  ['Ctrl+Z / Ctrl+Y', '撤销 / 重做（正文按句撤销）'],
  ['Ctrl+V', '从 Excel、WPS 粘贴一块数据，从当前单元格向右、向下填充（表头和行标题自动略去）'],
  ['Ctrl+C', '复制选中的区域'],
  ['Ctrl+S / Ctrl+Shift+S', '保存 / 另存为'],
  ['Ctrl+O', '打开'],
  ['F1', '打开本说明'],
];

const Help = () => (
  <Modal title="填报说明与快捷键" testid="help-dialog">
    <table className="help-table">
      <tbody>
        {KEYS.map(([keys, what]) => (
          <tr key={keys}>
            <th>{keys}</th>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <p className="dialog-tip">件数只能填非负整数；收费金额单位为万元，最多 6 位小数。空白不等于 0：无数据请填 0。</p>
    <div className="dialog-buttons">
      <button type="button" className="btn primary" onClick={close}>
        关闭
      </button>
    </div>
  </Modal>
);

export const Dialogs = memo(function Dialogs() {
  const dialog = useView((s) => s.dialog);
  if (!dialog) return null;
  if (dialog.kind === 'paste-text') return <PasteText />;
  if (dialog.kind === 'confirm-export') return <ConfirmExport kind={dialog.exportKind} />;
  if (dialog.kind === 'error') return <ErrorDialog title={dialog.title} message={dialog.message} />;
  return <Help />;
});

export const StatusBar = memo(function StatusBar() {
  const status = useView((s) => s.status);
  return (
    <div className={`status-bar ${status?.tone ?? ''}`} role="status" data-testid="status">
      {status?.text ?? '就绪'}
    </div>
  );
});
