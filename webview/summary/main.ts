/**
 * Entry point of the summary view's webview (bundled to dist/webview/summary.js): builds
 * the page in #root, shows the last view it saved (so a panel brought back from the
 * background is filled at once), then says `ready`; the host answers with the report.
 */
import {
  SUMMARY_PROTOCOL_VERSION,
  type SummaryView,
} from '../../src/core/protocol/summaryMessages';
import { vscodeApi } from '../shared/vscodeApi';
import { SummaryPage } from './summaryPage';

interface SavedState {
  view?: SummaryView;
}

const api = vscodeApi();
const root = document.getElementById('root') ?? document.body;
const page = new SummaryPage(root, {
  post: (m) => api.postMessage(m),
  save: (view) => void api.setState({ view } satisfies SavedState),
});
window.addEventListener('message', (e: MessageEvent) => page.handle(e.data));
const saved = api.getState() as SavedState | undefined;
if (saved?.view) page.show(saved.view);
api.postMessage({ kind: 'ready', version: SUMMARY_PROTOCOL_VERSION });
