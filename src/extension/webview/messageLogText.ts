/**
 * A webview message as a short, safe line for the log: what a host writes when it ignores
 * a malformed message. JSON when JSON can write it (cycles and bigints cannot), else
 * String(); cut to 200 characters either way, so a flood of huge messages cannot grow the
 * log or throw in the handler.
 */
const MAX_CHARS = 200;

export function messageLogText(message: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(message) ?? String(message);
  } catch {
    try {
      text = String(message);
    } catch {
      text = Object.prototype.toString.call(message);
    }
  }
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}
