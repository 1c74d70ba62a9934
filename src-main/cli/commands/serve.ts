import type { Command } from '../command';
import { intOption, UsageError } from '../command';
import { startWebHost } from '../../hosts/web/server';

export const serve: Command = {
  name: 'serve',
  summary: 'run the console in a browser through the web host (127.0.0.1 only by default)',
  usage: 'serve [--port P] [--host H [--host NAME…]]',
  // The first --host is the address to listen on; every --host is a name the
  // browser may use in the address bar (any other Host header is refused).
  options: { port: { type: 'string' }, host: { type: 'string', multiple: true } },
  run: async (env) => {
    const names = (env.values.host as unknown as string[] | undefined) ?? [];
    // Checked before anything starts: a bad port must not come after the catch-up and a backup.
    const port = intOption(env, 'port', 5180)!;
    if (port < 1 || port > 65_535) throw new UsageError(`--port needs a port from 1 to 65535, got ${port}`);
    const host = await startWebHost({
      dbPath: env.dbPath,
      port,
      host: names[0] ?? '127.0.0.1',
      hostNames: names,
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
