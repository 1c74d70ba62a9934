/** JSON answers and the caller's language, for the receiver's endpoints. */
import type http from 'node:http';
import type { Locale } from '../../core/messages';

export const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
export const refuse = (res: http.ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  json(res, status, { error: { code, message, ...extra } });

export const localeOf = (req: http.IncomingMessage): Locale => (/^en/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'zh-CN');
