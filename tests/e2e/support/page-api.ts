/**
 * Calls a console API method from inside the page, with the page's own
 * session cookie — what the screens do — for e2e set-up and checks that
 * need no screen. A refusal throws with the server's (Chinese) message.
 */
import type { Page } from 'playwright-core';

export function pageApi(page: () => Page) {
  return (method: string, input: unknown): Promise<unknown> =>
    page().evaluate(
      async ([m, body]) => {
        const res = await fetch(`/api/${m as string}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        const answer = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
        if (!answer.ok) throw new Error(answer.error?.message);
        return answer.value;
      },
      [method, input] as const,
    );
}
