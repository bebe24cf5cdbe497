// Reads a server-sent event stream of the app (app.request or a real fetch) as it arrives, for the tests to wait on.

export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  retry?: number;
  comments: string[];
}

export interface SseReader {
  status: number;
  messages: SseMessage[];
  /** The events (messages with an event name), parsed data. */
  events(): { id: string | undefined; event: string; data: any }[];
  /** Resolves once `predicate` holds for the messages so far; rejects after `timeoutMs`. */
  waitFor(predicate: (messages: SseMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when the server closed the stream. */
  closed: Promise<void>;
  close(): Promise<void>;
}

export function parseSseBlock(block: string): SseMessage {
  const message: SseMessage = { comments: [] };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) message.comments.push(line.slice(1).trim());
    else {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') message.data = message.data === undefined ? value : `${message.data}\n${value}`;
      else if (field === 'event') message.event = value;
      else if (field === 'id') message.id = value;
      else if (field === 'retry') message.retry = Number(value);
    }
  }
  return message;
}

export function readSse(response: Response): SseReader {
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let stopped = false;
  const closed = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          messages.push(parseSseBlock(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
        for (const w of waiters) w();
      }
    } catch (error) {
      if (!stopped) throw error;
    } finally {
      stopped = true;
      for (const w of waiters) w();
    }
  })();
  return {
    status: response.status,
    messages,
    events: () => messages.filter((m) => m.event).map((m) => ({ id: m.id, event: m.event!, data: m.data === undefined ? undefined : JSON.parse(m.data) })),
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (predicate(messages)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          } else if (stopped) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`stream closed before the condition held; messages: ${JSON.stringify(messages)}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; messages: ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    closed,
    async close() {
      stopped = true;
      await reader.cancel().catch(() => undefined);
      await closed.catch(() => undefined);
    },
  };
}
