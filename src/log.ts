/** Structured one-line JSON logs on stderr. Level set once at start-up. */
let level: 'silent' | 'error' | 'info' = 'info';

export function setLogLevel(l: typeof level): void {
  level = l;
}

export function log(l: 'error' | 'info', message: string, fields: Record<string, unknown> = {}): void {
  if (level === 'silent' || (level === 'error' && l === 'info')) return;
  process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level: l, message, ...fields })}\n`);
}
