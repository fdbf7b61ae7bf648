/** The commands, the 合计自动计算 switch and the undo/redo buttons. */
import { memo } from 'react';
import { useStore } from 'zustand';
import { consolidateReports, exportReport, newReport, openReport, openTemplate, saveReport } from '../store/app-actions';
import { editChanged, redo, setAutoTotals, undo, useDoc } from '../store/document-store';
import { setStatus, useView } from '../store/view-store';
import { totalsDisagree } from '../../shared/report/totals';

export const Toolbar = memo(function Toolbar() {
  const auto = useDoc((s) => s.report.settings.autoTotals);
  const hasPast = useStore(useDoc.temporal, (t) => t.pastStates.length > 0);
  // a cell or text being typed in is a step not yet in the history
  const typing = useDoc((s) => editChanged(s.report));
  const canUndo = hasPast || typing;
  const canRedo = useStore(useDoc.temporal, (t) => t.futureStates.length > 0) && !typing;
  const fileName = useView((s) => s.fileName);
  const saved = useView((s) => s.savedReport);
  // a boolean, so the toolbar is not drawn again on every keystroke
  const dirty = useDoc((s) => s.report !== saved);
  const busy = useView((s) => s.busy);
  return (
    <div className="toolbar" role="toolbar" aria-label="命令">
      <div className="group">
        <button type="button" className="btn" onClick={newReport}>
          新建
        </button>
        <button type="button" className="btn" data-testid="open" onClick={() => void openReport()} disabled={busy}>
          打开…
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void openTemplate()}
          disabled={busy}
          title="读取上年报告（本程序文件、Word、Excel 或网页文本），生成本年度草稿"
        >
          以上年报告为模板…
        </button>
        <button type="button" className="btn" data-testid="paste-text" onClick={() => useView.setState({ dialog: { kind: 'paste-text' } })}>
          粘贴报告文本…
        </button>
        <button
          type="button"
          className="btn"
          data-testid="consolidate"
          onClick={() => void consolidateReports()}
          disabled={busy}
          title="汇总多个报告：选择所属部门、下级政府的报告（可多选），逐格相加生成汇总报告草稿"
        >
          汇总…
        </button>
      </div>
      <div className="group">
        <button type="button" className="btn primary" data-testid="save" onClick={() => void saveReport(false)} disabled={busy}>
          保存
        </button>
        <button type="button" className="btn" onClick={() => void saveReport(true)} disabled={busy}>
          另存为…
        </button>
      </div>
      <div className="group">
        <span className="group-label">导出</span>
        <button type="button" className="btn" data-testid="export-docx" onClick={() => void exportReport('docx')} disabled={busy}>
          Word
        </button>
        <button type="button" className="btn" data-testid="export-xlsx" onClick={() => void exportReport('xlsx')} disabled={busy}>
          Excel
        </button>
        <button type="button" className="btn" data-testid="export-html" onClick={() => void exportReport('html')} disabled={busy}>
          网页
        </button>
      </div>
      <div className="group">
        <button type="button" className="btn" data-testid="undo" onClick={undo} disabled={!canUndo} title="撤销（Ctrl+Z）">
          撤销
        </button>
        <button type="button" className="btn" data-testid="redo" onClick={redo} disabled={!canRedo} title="重做（Ctrl+Y）">
          重做
        </button>
      </div>
      <label className="switch" title="开启时，各“总计”单元格由各项自动求和，不可手工填写">
        <input
          type="checkbox"
          role="switch"
          data-testid="auto-totals"
          checked={auto}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            const differs = on && totalsDisagree(useDoc.getState().report.cells);
            setAutoTotals(on);
            setStatus(
              on
                ? differs
                  ? '已开启合计自动计算：原有与各项之和不符的总计已重新计算（可撤销）'
                  : '已开启合计自动计算'
                : '已关闭合计自动计算：总计可手工填写，由勾稽规则检查',
              'info',
            );
          }}
        />
        <span className="track" aria-hidden="true" />
        合计自动计算
      </label>
      {!window.reportApi && (
        // the desktop has these in its 帮助 menu; the browser build has no menu
        <button type="button" className="btn" data-testid="help" onClick={() => useView.setState({ dialog: { kind: 'help' } })} title="填报说明与快捷键（F1）">
          说明
        </button>
      )}
      {/* a long name is cut, never the ● after it */}
      <span className="file-name" data-testid="file-name" title={fileName ?? undefined}>
        <span className="name">{fileName ?? '未保存的报告'}</span>
        {dirty && (
          <span className="dirty" data-testid="dirty" title="有未保存的修改">
            ●
          </span>
        )}
      </span>
    </div>
  );
});
