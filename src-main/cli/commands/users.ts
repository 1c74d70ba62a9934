import { setUserActive, listUsers } from '../../services/users';
import { DomainError } from '../../core/errors';
import { UsageError, type Command } from '../command';
import { withContext } from '../open-context';

interface AccountLine {
  username: string;
  display_name: string;
  role: string;
  active: boolean;
}

/**
 * IT staff at the machine list accounts and disable or enable one (someone
 * who left, over a weekend). Disabled at once: a running console refuses the
 * account's next call, even in a session that was already open.
 */
export const users: Command = {
  name: 'users',
  summary: 'list accounts; disable or enable one',
  usage: 'users [--disable USERNAME | --enable USERNAME]',
  options: { disable: { type: 'string' }, enable: { type: 'string' } },
  run: (env) => {
    const disable = env.values.disable as string | undefined;
    const enable = env.values.enable as string | undefined;
    if (disable !== undefined && enable !== undefined) throw new UsageError('give --disable or --enable, not both');
    return withContext(env, (ctx) => {
      const name = disable ?? enable;
      if (name !== undefined) {
        const found = ctx.read.users.credentials(name.trim());
        if (!found) throw new DomainError('not_found', { what: 'user', id: name });
        setUserActive(ctx, null, found.user.id, enable !== undefined);
      }
      return listUsers(ctx).map((u): AccountLine => ({ username: u.username, display_name: u.displayName, role: u.role, active: u.active }));
    });
  },
  human: (rows: AccountLine[]) =>
    rows.map((r) => `${r.username.padEnd(16)} ${r.role.padEnd(10)} ${r.active ? 'active  ' : 'DISABLED'} ${r.display_name}`).join('\n'),
};
