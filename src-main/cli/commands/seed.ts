import { intOption, UsageError, type Command } from '../command';
import { withContext } from '../open-context';
import { seedTickets } from '../../services/seed';

export const seed: Command = {
  name: 'seed',
  summary: 'add deterministic, realistic demo tickets',
  usage: 'seed --tickets N [--seed S] [--months M]',
  options: { tickets: { type: 'string' }, seed: { type: 'string' }, months: { type: 'string' } },
  run: (env) => {
    const n = intOption(env, 'tickets');
    if (n === undefined || n < 1) throw new UsageError('--tickets N is required (N ≥ 1)');
    const seedValue = intOption(env, 'seed', 1)!;
    const months = intOption(env, 'months', 12)!;
    if (months < 1 || months > 120) throw new UsageError('--months must be between 1 and 120');
    return withContext(env, (ctx) => {
      const admin = ctx.read.users.list().find((u) => u.role === 'admin') ?? null;
      // Anchor at the start of today so the same seed gives the same data all day.
      const end = Math.floor(env.now() / 86_400_000) * 86_400_000;
      return seedTickets(ctx, admin, { tickets: n, seed: seedValue, months, end });
    });
  },
  human: (r: { tickets: number; refunds: number }) => `seeded ${r.tickets} tickets, ${r.refunds} refunds`,
};
