import type { Command } from '../command';
import { intOption } from '../command';
import { startWebHost } from '../../hosts/web/server';

export const serve: Command = {
  name: 'serve',
  summary: 'run the console in a browser through the web host (127.0.0.1 only by default)',
  usage: 'serve [--port P] [--host H]',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  run: async (env) => {
    const host = await startWebHost({
      dbPath: env.dbPath,
      port: intOption(env, 'port', 5180),
      host: (env.values.host as string | undefined) ?? '127.0.0.1',
      now: env.now,
      log: env.say,
    });
    env.say(`Open ${host.url} in a browser. Ctrl+C stops the console.`);
    await new Promise<void>((resolve) => {
      const stop = () => void host.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return undefined;
  },
};
