// The background's single onMessage listener: sender check, schema validation, then exactly one
// handler per message name. Returns a native Promise for our messages (Chromium drops replies
// given as Dexie's promise-likes: RECIPE.md gotcha 1) and undefined for anything else.
import * as v from 'valibot';
import { CONTENT_SCRIPT_MESSAGES, isMessageName, MESSAGE_SCHEMAS, type MessageData, type MessageName, type MessageReply } from '../messages';
import { LIMITS } from '../limits';

export interface SenderInfo {
  id?: string;
  tab?: { id?: number };
  url?: string;
}

/** Who sent the message; handlers scope what they do by it. */
export interface CallerContext {
  /** The sender's tab: set for content scripts, undefined for extension pages. */
  tabId?: number;
}

export type Handlers = {
  [K in MessageName]: (data: MessageData<K>, caller: CallerContext) => Promise<MessageReply<K>>;
};

export class MessageRefused extends Error {
  override name = 'MessageRefused';
}

/**
 * `ownOrigin` is the extension's own base URL (runtime.getURL('')). Extension pages opened in a
 * tab also carry `sender.tab`, so a content script is told apart by its URL, not by the tab.
 */
export function createMessageListener(handlers: Handlers, ownExtensionId: string, ownOrigin: string) {
  return (raw: unknown, sender: SenderInfo): Promise<unknown> | undefined => {
    if (!raw || typeof raw !== 'object') return undefined;
    const { type, data } = raw as { type?: unknown; data?: unknown };
    if (!isMessageName(type)) return undefined; // not ours (or a broadcast between pages)
    return handle(handlers, ownExtensionId, ownOrigin, type, data, sender);
  };
}

async function handle(handlers: Handlers, ownExtensionId: string, ownOrigin: string, type: MessageName, data: unknown, sender: SenderInfo): Promise<unknown> {
  if (sender.id !== ownExtensionId) throw new MessageRefused(`${type}: refused, sender is not this extension`);
  // Anything that is not one of our own pages is treated as a content script: the safe default.
  const fromTab = !(typeof sender.url === 'string' && ownOrigin.length > 0 && sender.url.startsWith(ownOrigin));
  if (fromTab && !CONTENT_SCRIPT_MESSAGES.has(type)) throw new MessageRefused(`${type}: refused from a web page's content script`);
  if (fromTab && typeof sender.tab?.id !== 'number') throw new MessageRefused(`${type}: refused, content script without a tab id`);
  if (JSON.stringify(data ?? null).length > (fromTab ? LIMITS.message : LIMITS.pageMessage)) throw new MessageRefused(`${type}: refused, message too large`);
  const parsed = v.safeParse(MESSAGE_SCHEMAS[type], data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new MessageRefused(`${type}: invalid ${path || 'argument'}: ${issue.message}`);
  }
  const caller: CallerContext = fromTab ? { tabId: sender.tab!.id } : {};
  const handler = handlers[type] as (d: unknown, c: CallerContext) => Promise<unknown>;
  return handler(parsed.output, caller);
}
