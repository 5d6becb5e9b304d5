/**
 * Entry point of the capture editor's webview (bundled to dist/webview/capture.js): builds
 * the UI in #root and connects it to the extension host through acquireVsCodeApi.
 */
import { vscodeApi } from '../shared/vscodeApi';
import { CaptureView } from './captureView';

const api = vscodeApi();
const root = document.getElementById('root') ?? document.body;
const view = new CaptureView(root, {
  postMessage: (m) => api.postMessage(m),
  getState: () => api.getState(),
  setState: (s) => void api.setState(s),
});
window.addEventListener('message', (e: MessageEvent) => view.handleMessage(e.data));
view.start();
