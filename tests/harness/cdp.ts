// A raw DevTools session with one target (a service worker, the real side panel or popup), for
// what Playwright does not reach: `flatten: false` sessions, messages through the browser's
// session (RECIPE.md §6.7).
import type { CDPSession } from 'playwright-core';

export interface TargetSession {
  send<T>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

export async function attachTarget(cdp: CDPSession, targetId: string): Promise<TargetSession> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let seq = 0;
  const waiting = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  return {
    send: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolveSend, rejectSend) => {
        const id = ++seq;
        waiting.set(id, (m) => {
          waiting.delete(id);
          if (m.error) rejectSend(new Error(m.error.message));
          else resolveSend(m.result as T);
        });
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}
