/**
 * 处理人 as the CRM writes it: a user of this console by user name or display
 * name, or someone the console does not know (another department, the CRM's
 * own staff), whose name is kept as written.
 */
export interface KnownUser {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
}

export interface Assignee {
  assigneeId: number | null;
  assigneeName: string;
}

export class AssigneeMatcher {
  private readonly byUsername = new Map<string, KnownUser>();
  /** Display names shared by two active users map to null: such a name is kept as text, never guessed. */
  private readonly byDisplayName = new Map<string, KnownUser | null>();

  constructor(users: readonly KnownUser[]) {
    for (const u of users) {
      if (!u.active) continue;
      this.byUsername.set(u.username.toLowerCase(), u);
      const name = u.displayName.trim();
      this.byDisplayName.set(name, this.byDisplayName.has(name) ? null : u);
    }
  }

  match(text: string): Assignee {
    const name = text.trim();
    const user = this.byUsername.get(name.toLowerCase()) ?? this.byDisplayName.get(name) ?? null;
    return user ? { assigneeId: user.id, assigneeName: user.displayName } : { assigneeId: null, assigneeName: name };
  }
}
