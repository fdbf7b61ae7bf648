import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './components/app';
import { useDoc } from './store/document-store';
import { useView } from './store/view-store';
import './styles.css';

// A new blank report (合计自动计算 on) counts as saved until the clerk types.
useView.setState({ savedReport: useDoc.getState().report });
// Rendered in the task that ran the script, so the first frame the browser draws already holds the editor.
const root = createRoot(document.getElementById('root')!);
flushSync(() => root.render(<App />));
