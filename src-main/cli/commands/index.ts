/** Every CLI command; a new command is one file and one line here. */
import type { Command } from '../command';
import { init } from './init';
import { tickets } from './tickets';
import { seed } from './seed';
import { serve } from './serve';
import { backup, restore, check } from './backup';
import { sla } from './sla';
import { warnings } from './warnings';
import { importCommand } from './import';
import { report } from './report';
import { users } from './users';
import { exportCommand } from './export';
import { verify } from './verify';
import { key } from './key';
import { upload } from './upload';

export const COMMANDS: readonly Command[] = [init, importCommand, tickets, seed, serve, users, sla, warnings, report, exportCommand, verify, key, upload, backup, restore, check];
