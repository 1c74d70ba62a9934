/**
 * `upload --month YYYY-MM [--revision N] [--url URL --token T]`: queue a
 * month's exported bundle for headquarters (the latest revision unless one is
 * named) and try the outbox once now; a running console keeps retrying what
 * is still queued. --url and --token save the endpoint and the branch's token
 * in the settings first.
 */
import { intOption, UsageError, type Command } from '../command';
import { withContext } from '../open-context';
import { OutboxWorker, queueUpload, saveUploadSettings } from '../../services/export/outbox';
import { OutboxStore } from '../../db/outbox-store';

export const upload: Command = {
  name: 'upload',
  summary: "queue a month's bundle for headquarters and try to send it now",
  usage: 'upload --month YYYY-MM [--revision N] [--url URL --token TOKEN]',
  options: { month: { type: 'string' }, revision: { type: 'string' }, url: { type: 'string' }, token: { type: 'string' } },
  run: (env) => {
    const { month, url, token } = env.values as Record<string, string | undefined>;
    if (!month) throw new UsageError('give --month YYYY-MM');
    if ((url === undefined) !== (token === undefined)) throw new UsageError('give --url and --token together');
    const revision = intOption(env, 'revision') ?? null;
    return withContext(env, async (ctx) => {
      if (url && token) saveUploadSettings(ctx, null, { url, token });
      const item = queueUpload(ctx, month, revision, null);
      // start(): a try that a killed process left under way is taken up again first.
      const worker = new OutboxWorker(ctx, { log: env.say, setTimer: () => ({ clear() {} }) });
      worker.start();
      await worker.wake();
      worker.stop();
      const after = new OutboxStore(ctx.db).get(item.id)!;
      const { bundlePath: _p, ...shown } = after;
      return { ...shown, nextAttemptAt: after.nextAttemptAt === null ? null : new Date(after.nextAttemptAt).toISOString() };
    });
  },
};
