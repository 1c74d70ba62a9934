/**
 * Improvement projects (QC 课题) through the services and the API, on a
 * hand-made August–November 2026 (China time) measured at Monday 2 November
 * 10:00. Default policy: a 10086 宽带 ticket resolves in 48 h, an SP
 * (增值业务) ticket in 4 h; every ticket is answered within 1 h unless said.
 *
 *   Aug  a1 a2 resolved in 24 h (on time), a3 a4 in 72 h (late),
 *        SP p1 answered in 0.5 h / resolved 2 h, SP p2 answered in 2 h / resolved 3 h
 *        → timeliness 4/6, SP within 1 h 1/2
 *   Sep  s1 s2 s3 in 24 h, s4 in 72 h, SP p3 0.5 h / 2 h, sV voided (never counts)
 *        → timeliness 4/5, SP within 1 h 1/1
 *   Oct  o1 in 24 h, o2 in 10 h → 2/2, no SP ticket (0/0)
 *   Nov  n1 received 1 Nov 10:00 still open, due 3 Nov 10:00 → 0/0
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { backfillClocks } from '../../../src-main/db/clock-backfill';
import { H, NOW, cn } from '../reports/fixture';
import {
  addCause,
  addMeasure,
  createProject,
  deleteCause,
  deleteMeasure,
  deleteProject,
  getProject,
  listProjects,
  setProjectClosed,
  updateCause,
  updateMeasure,
  updateProject,
  type ProjectInput,
} from '../../../src-main/services/qc-projects/projects';
import { DomainError } from '../../../src-main/core/errors';
import { messageFor } from '../../../src-main/core/messages';
import { createApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';
import type { UserInfo } from '../../../src-main/core/model';

let t: TestDb;
let boss: UserInfo;
afterEach(() => t.close());

const BB = '宽带';
const SP = '增值业务>信息费退费';
type Spec = [no: string, category: string, received: number, respond: number | null, resolve: number | null, status?: string];
const SPECS: Spec[] = [
  ['a1', BB, cn(2026, 8, 5, 10), 1, 24],
  ['a2', BB, cn(2026, 8, 10, 10), 1, 24],
  ['a3', BB, cn(2026, 8, 15, 10), 1, 72],
  ['a4', BB, cn(2026, 8, 20, 10), 1, 72],
  ['p1', SP, cn(2026, 8, 6, 10), 0.5, 2],
  ['p2', SP, cn(2026, 8, 12, 10), 2, 3],
  ['s1', BB, cn(2026, 9, 3, 10), 1, 24],
  ['s2', BB, cn(2026, 9, 10, 10), 1, 24],
  ['s3', BB, cn(2026, 9, 17, 10), 1, 24],
  ['s4', BB, cn(2026, 9, 24, 10), 1, 72],
  ['p3', SP, cn(2026, 9, 5, 10), 0.5, 2],
  ['sV', BB, cn(2026, 9, 25, 10), 1, 72, 'voided'],
  ['o1', BB, cn(2026, 10, 5, 10), 1, 24],
  ['o2', BB, cn(2026, 10, 20, 10), 1, 10],
  ['n1', BB, cn(2026, 11, 1, 10), 1, null, 'in_progress'],
];

function seed(): void {
  const ctx = t.ctx;
  const insert = ctx.db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, district, category_id, level, status,
      description, department, first_response_at, resolved_at, is_repeat, created_at, updated_at)
    VALUES (@no, '10086', @received, '13900000001', '禅城区', @categoryId, 'normal', @status, '测试', '客服中心', @respondAt, @resolveAt, 0, @received, @received)`);
  for (const [no, category, received, respond, resolve, status] of SPECS) {
    insert.run({
      no,
      received,
      categoryId: categoryId(ctx, category),
      status: status ?? 'resolved',
      respondAt: respond === null ? null : received + respond * H,
      resolveAt: resolve === null ? null : received + resolve * H,
    });
  }
  backfillClocks(ctx.db);
}

const TIMELINESS: ProjectInput = {
  title: '提高工单处理及时率',
  kpi: 'timelinessRate',
  grain: 'month',
  baseline: { from: '2026-08-01', to: '2026-08-31' },
  startDay: '2026-09-01',
  deadline: '2026-09-30',
  target: 0.8,
  rationale: '流转工单积压，及时率低于省公司要求。',
  survey: '8 月超时工单中积压造成的占多数。',
  consolidation: '',
};

beforeEach(() => {
  t = tempDb(NOW);
  boss = addUser(t.ctx, 'boss', 'supervisor', '客服中心');
  seed();
});

describe('the chart and the effect, by hand', () => {
  it('timeliness by month: baseline 4/6, since the start 6/7 against 80 %', () => {
    const view = createProject(t.ctx, boss, TIMELINESS);
    const c = view.chart;
    expect(c.today).toBe('2026-11-02');
    expect(c.series.map((p) => [p.label, p.phase, p.inBaseline, p.tally])).toEqual([
      ['2026-08', 'before', true, { num: 4, den: 6 }],
      ['2026-09', 'during', false, { num: 4, den: 5 }],
      ['2026-10', 'after', false, { num: 2, den: 2 }],
      ['2026-11', 'after', false, { num: 0, den: 0 }],
    ]);
    expect(c.series.map((p) => p.value)).toEqual([4 / 6, 4 / 5, 1, null]);
    expect(c.checkRange).toEqual({ from: '2026-09-01', to: '2026-11-02' });
    const e = c.effect;
    expect(e.baseline).toEqual({ tally: { num: 4, den: 6 }, value: 4 / 6 });
    expect(e.current).toEqual({ tally: { num: 6, den: 7 }, value: 6 / 7 });
    expect(e.change).toBeCloseTo(4 / 21, 12);
    expect(e.improved).toBe(true);
    expect(e.targetMet).toBe(true);
    // (4/21) ÷ (0.8 − 2/3 = 2/15) = 10/7
    expect(e.progress).toBeCloseTo(10 / 7, 12);
  });

  it('a QC measure (SP replies within 1 h) by week and by month, from the QC measures’ own counts', () => {
    const view = createProject(t.ctx, boss, { ...TIMELINESS, title: 'SP 1 小时回复', kpi: 'spReply1h', target: 0.7 });
    expect(view.chart.series.map((p) => [p.label, p.tally])).toEqual([
      ['2026-08', { num: 1, den: 2 }],
      ['2026-09', { num: 1, den: 1 }],
      ['2026-10', { num: 0, den: 0 }],
      ['2026-11', { num: 0, den: 0 }],
    ]);
    expect(view.chart.effect.baseline.value).toBe(0.5);
    expect(view.chart.effect.current).toEqual({ tally: { num: 1, den: 1 }, value: 1 });
    expect(view.chart.effect.targetMet).toBe(true);
    // By week over 1–30 September (Mondays 31 Aug … 28 Sep): p3 (Sat 5 Sep) is the week of 31 Aug.
    const weekly = updateProject(t.ctx, boss, view.project.id, {
      ...TIMELINESS,
      kpi: 'spReply1h',
      grain: 'week',
      baseline: { from: '2026-08-10', to: '2026-08-16' },
      startDay: '2026-08-17',
      target: 0.7,
    });
    const weeks = weekly.chart.series;
    expect(weeks[0]).toMatchObject({ label: '2026-08-10', phase: 'before', inBaseline: true, tally: { num: 0, den: 1 } }); // p2, 2 h
    expect(weeks[3]).toMatchObject({ label: '2026-08-31', phase: 'during', tally: { num: 1, den: 1 } }); // p3
    expect(weeks.at(-1)).toMatchObject({ label: '2026-11-02', phase: 'after', tally: { num: 0, den: 0 } });
    expect(weeks).toHaveLength(13); // 10 Aug … 2 Nov
  });

  it('mean handling in hours, lower is better', () => {
    const view = createProject(t.ctx, boss, { ...TIMELINESS, kpi: 'handlingMeanMs', target: 30 * H });
    // Aug: 24+24+72+72+2+3 = 197 h over 6; since 1 Sep: s 24+24+24+72 = 144, p3 2, o 24+10 = 34: 180 h over 7.
    expect(view.chart.effect.baseline.tally).toEqual({ num: 197 * H, den: 6 });
    expect(view.chart.effect.current!.tally).toEqual({ num: 180 * H, den: 7 });
    expect(view.chart.effect.improved).toBe(true);
    expect(view.chart.effect.targetMet).toBe(true); // 25.7 h ≤ 30 h
  });
});

describe('the steps of a project, each audited', () => {
  const audit = () =>
    (t.db.prepare("SELECT action, subject, actor_id AS actor FROM audit_log WHERE action LIKE 'qc.%' ORDER BY id").all() as object[]).map((r) => r);

  it('opens, edits, records causes and countermeasures, closes; every step in the audit log', () => {
    t.clock.now = NOW;
    const v = createProject(t.ctx, boss, TIMELINESS);
    const id = v.project.id;
    expect(v.project).toMatchObject({ title: '提高工单处理及时率', createdByName: 'BOSS', closedAt: null, target: 0.8 });
    updateProject(t.ctx, boss, id, { ...TIMELINESS, target: 0.85 });
    const cause = addCause(t.ctx, boss, id, { group: 'method', text: '监控组采用轮巡制，无专人监控', verdict: 'unchecked', evidence: '' });
    expect(cause).toMatchObject({ projectId: id, group: 'method', verdict: 'unchecked', evidence: '' });
    const confirmed = updateCause(t.ctx, boss, cause.id, { ...cause, verdict: 'confirmed', evidence: '轮巡导致延迟处理的占未及时处理的 40%' });
    expect(confirmed.verdict).toBe('confirmed');
    const m = addMeasure(t.ctx, boss, id, { causeId: cause.id, what: '设专人监控工单', owner: '楼静桦', dueDay: '2026-10-31', done: false });
    expect(m.doneAt).toBeNull();
    t.clock.advance(H);
    const done = updateMeasure(t.ctx, boss, m.id, { causeId: cause.id, what: '设专人监控工单', owner: '楼静桦', dueDay: '2026-10-31', done: true });
    expect(done.doneAt).toBe(NOW + H);
    setProjectClosed(t.ctx, boss, id, true);

    expect(listProjects(t.ctx)).toEqual([expect.objectContaining({ id, causes: 1, confirmedCauses: 1, measures: 1, measuresDone: 1, closedAt: NOW + H })]);
    const subject = `qc_project:${id}`;
    expect(audit()).toEqual(
      ['qc.project_created', 'qc.project_updated', 'qc.cause_added', 'qc.cause_updated', 'qc.measure_added', 'qc.measure_updated', 'qc.project_closed'].map(
        (action) => ({ action, subject, actor: boss.id }),
      ),
    );
    const updated = t.db.prepare("SELECT details FROM audit_log WHERE action = 'qc.project_updated'").get() as { details: string };
    expect(JSON.parse(updated.details)).toEqual({ changed: { target: { from: 0.8, to: 0.85 } } });

    // Closed: nothing changes until it is reopened.
    expect(() => addCause(t.ctx, boss, id, { group: 'man', text: '新员工业务不熟', verdict: 'unchecked', evidence: '' })).toThrow(DomainError);
    setProjectClosed(t.ctx, boss, id, false);
    expect(addCause(t.ctx, boss, id, { group: 'man', text: '新员工业务不熟', verdict: 'unchecked', evidence: '' }).group).toBe('man');
    expect(getProject(t.ctx, id).causes.map((c) => c.text)).toEqual(['监控组采用轮巡制，无专人监控', '新员工业务不熟']);
  });

  it('refuses, writing nothing: a verdict without evidence, another project’s cause, a closed project', () => {
    const a = createProject(t.ctx, boss, TIMELINESS).project.id;
    const b = createProject(t.ctx, boss, { ...TIMELINESS, title: '另一个课题' }).project.id;
    const causeOfB = addCause(t.ctx, boss, b, { group: 'machine', text: '邮件系统无短信回复', verdict: 'unchecked', evidence: '' });
    const before = audit().length;
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return messageFor(e as DomainError, 'zh-CN');
      }
      return 'not refused';
    };
    expect(refusal(() => addCause(t.ctx, boss, a, { group: 'man', text: '培训不够', verdict: 'confirmed', evidence: ' ' }))).toBe(
      '判定为要因或非要因时，须写明确认依据（确认方法与结果）。',
    );
    expect(refusal(() => addMeasure(t.ctx, boss, a, { causeId: causeOfB.id, what: '开发短信回复', owner: '钱健', dueDay: '2026-12-01', done: false }))).toBe(
      '所选要因不属于这个课题。',
    );
    expect(refusal(() => addMeasure(t.ctx, boss, a, { causeId: null, what: '开发短信回复', owner: '钱健', dueDay: '2026-02-30', done: false }))).toBe(
      '完成时间日期须为有效的 YYYY-MM-DD。',
    );
    expect(refusal(() => updateProject(t.ctx, boss, a, { ...TIMELINESS, startDay: '2026-08-31' }))).toBe(
      '活动开始日须在现状调查期之后（活动前的数据才能作为对比基准）。',
    );
    expect(refusal(() => getProject(t.ctx, 999))).toBe('找不到课题 999。');
    expect(audit()).toHaveLength(before);
    expect(t.db.prepare('SELECT count(*) AS n FROM qc_project_measures').get()).toEqual({ n: 0 });
    expect(getProject(t.ctx, a).project.startDay).toBe('2026-09-01');
  });
});

describe('through the API', () => {
  const slot = (): SessionSlot => {
    let token: string | null = null;
    return { get: () => token, set: (v) => void (token = v) };
  };

  it('speaks Chinese about bad input and lets an agent read but not write', async () => {
    const api = createApiServer(t.ctx, { log: () => {} });
    const admin = slot();
    await api.call('auth/setup', { username: 'admin', displayName: '管理员', password: 'correct horse', branchName: '南海分公司', branchId: 'FS-NH' }, admin, 'zh-CN');
    await api.call('users/create', { username: 'sup', displayName: '班长', role: 'supervisor', password: 'correct horse' }, admin, 'zh-CN');
    await api.call('users/create', { username: 'agent', displayName: '话务员', role: 'agent', password: 'correct horse' }, admin, 'zh-CN');
    const sup = slot();
    const agent = slot();
    await api.call('auth/login', { username: 'sup', password: 'correct horse' }, sup, 'zh-CN');
    await api.call('auth/login', { username: 'agent', password: 'correct horse' }, agent, 'zh-CN');
    const input = { projectTitle: '提高及时率', kpi: 'timelinessRate', baselineFrom: '2026-08-01', baselineTo: '2026-08-31', startDay: '2026-09-01', deadline: '2026-09-30', target: 0.8 };

    expect(await api.call('qcProjects/create', { ...input, projectTitle: '  ' }, sup, 'zh-CN')).toMatchObject({ ok: false, error: { message: '请填写课题名称。' } });
    expect(await api.call('qcProjects/create', { ...input, target: 80 }, sup, 'zh-CN')).toMatchObject({ ok: false, error: { message: '目标值须在 0% 到 100% 之间。' } });
    expect(await api.call('qcProjects/create', { ...input, deadline: '2026-08-15' }, sup, 'zh-CN')).toMatchObject({
      ok: false,
      error: { message: '完成期限不能早于活动开始日。' },
    });
    expect(await api.call('qcProjects/create', input, agent, 'zh-CN')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const made = await api.call('qcProjects/create', input, sup, 'zh-CN');
    expect(made.ok).toBe(true);
    const id = made.ok ? (made.value as { project: { id: number } }).project.id : 0;
    const read = await api.call('qcProjects/get', { id }, agent, 'zh-CN');
    expect(read).toMatchObject({ ok: true, value: { project: { title: '提高及时率', grain: 'month' }, chart: { effect: { target: 0.8 } } } });
    expect(await api.call('qcProjects/addCause', { projectId: id, causeGroup: 'man', causeText: '培训不够' }, agent, 'zh-CN')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await api.call('qcProjects/addCause', { projectId: id, causeGroup: '测', causeText: '培训不够' }, sup, 'zh-CN')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('原因类别') },
    });
  });
});

describe('a project on one district or department (the report’s filters)', () => {
  // August's two late tickets, a3 and a4, move to 南海区 and 网络部; the rest stay in 禅城区, 客服中心.
  beforeEach(() => t.db.prepare("UPDATE tickets SET district = '南海区', department = '网络部' WHERE ticket_no IN ('a3', 'a4')").run());
  const baseline = (input: Partial<ProjectInput>) => createProject(t.ctx, boss, { ...TIMELINESS, ...input }).chart.effect.baseline.tally;

  it('measures only its tickets: August 4/6 for the branch, 4/4 in 禅城区, 0/2 in 南海区 or 网络部', () => {
    expect(baseline({})).toEqual({ num: 4, den: 6 });
    expect(baseline({ district: '禅城区' })).toEqual({ num: 4, den: 4 });
    expect(baseline({ district: '南海区' })).toEqual({ num: 0, den: 2 });
    expect(baseline({ department: '网络部' })).toEqual({ num: 0, den: 2 });
    expect(baseline({ district: '禅城区', department: '网络部' })).toEqual({ num: 0, den: 0 });
    const v = createProject(t.ctx, boss, { ...TIMELINESS, district: '南海区' });
    expect(v.project).toMatchObject({ district: '南海区', department: null });
    // By week too: the week of 10 August holds a2 (禅城区) only; 17 August a3 (南海区).
    const weekly = createProject(t.ctx, boss, { ...TIMELINESS, grain: 'week', district: '南海区' }).chart.series;
    expect(weekly.filter((p) => p.tally && p.tally.den > 0).map((p) => [p.label, p.tally])).toEqual([
      ['2026-08-10', { num: 0, den: 1 }],
      ['2026-08-17', { num: 0, den: 1 }],
    ]);
  });

  it('takes them from the kept lists, refusing others in Chinese, and audits a change of scope', () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return messageFor(e as DomainError, 'zh-CN');
      }
      return 'not refused';
    };
    expect(refusal(() => createProject(t.ctx, boss, { ...TIMELINESS, district: '火星区' }))).toMatch(/火星区/);
    const id = createProject(t.ctx, boss, TIMELINESS).project.id;
    updateProject(t.ctx, boss, id, { ...TIMELINESS, department: '网络部' });
    const updated = t.db.prepare("SELECT details FROM audit_log WHERE action = 'qc.project_updated'").get() as { details: string };
    expect(JSON.parse(updated.details)).toEqual({ changed: { department: { from: null, to: '网络部' } } });
    expect(getProject(t.ctx, id).chart.effect.baseline.tally).toEqual({ num: 0, den: 2 });
  });
});

describe('editing and deleting a project’s parts', () => {
  const audit = (action: string) =>
    (t.db.prepare('SELECT details FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ details: string }>).map((r) => JSON.parse(r.details) as unknown);

  it('edits a cause’s words and group and a countermeasure’s words, owner and day, each audited from → to', () => {
    const id = createProject(t.ctx, boss, TIMELINESS).project.id;
    const c = addCause(t.ctx, boss, id, { group: 'man', text: '培训不够', verdict: 'unchecked', evidence: '' });
    updateCause(t.ctx, boss, c.id, { group: 'method', text: '新员工培训不够', verdict: 'unchecked', evidence: '' });
    const m = addMeasure(t.ctx, boss, id, { causeId: c.id, what: '培训', owner: '钱健', dueDay: '2026-11-30', done: false });
    updateMeasure(t.ctx, boss, m.id, { causeId: c.id, what: '每周一次业务培训', owner: '楼静桦', dueDay: '2026-12-15', done: false });
    const v = getProject(t.ctx, id);
    expect(v.causes.map((x) => [x.group, x.text])).toEqual([['method', '新员工培训不够']]);
    expect(v.measures.map((x) => [x.what, x.owner, x.dueDay])).toEqual([['每周一次业务培训', '楼静桦', '2026-12-15']]);
    expect(audit('qc.cause_updated')).toEqual([
      { causeId: c.id, from: { group: 'man', text: '培训不够', verdict: 'unchecked', evidence: '' }, to: { group: 'method', text: '新员工培训不够', verdict: 'unchecked', evidence: '' } },
    ]);
    expect(audit('qc.measure_updated')).toEqual([
      {
        measureId: m.id,
        from: { causeId: c.id, what: '培训', owner: '钱健', dueDay: '2026-11-30', done: false },
        to: { causeId: c.id, what: '每周一次业务培训', owner: '楼静桦', dueDay: '2026-12-15', done: false },
      },
    ]);
  });

  it('deletes a cause (its countermeasure stays, answering none) and a countermeasure, each audited with what went', () => {
    const id = createProject(t.ctx, boss, TIMELINESS).project.id;
    const c = addCause(t.ctx, boss, id, { group: 'man', text: '培训不够', verdict: 'unchecked', evidence: '' });
    const m = addMeasure(t.ctx, boss, id, { causeId: c.id, what: '培训', owner: '钱健', dueDay: '2026-11-30', done: false });
    const other = addMeasure(t.ctx, boss, id, { causeId: null, what: '排班', owner: '钱健', dueDay: '2026-11-30', done: false });
    deleteCause(t.ctx, boss, c.id);
    expect(getProject(t.ctx, id).causes).toEqual([]);
    expect(getProject(t.ctx, id).measures.map((x) => [x.id, x.causeId])).toEqual([
      [m.id, null],
      [other.id, null],
    ]);
    expect(audit('qc.cause_deleted')).toEqual([{ cause: { id: c.id, projectId: id, group: 'man', text: '培训不够', verdict: 'unchecked', evidence: '' }, detachedMeasures: [m.id] }]);
    deleteMeasure(t.ctx, boss, other.id);
    expect(getProject(t.ctx, id).measures.map((x) => x.id)).toEqual([m.id]);
    expect(audit('qc.measure_deleted')).toEqual([
      { measure: { id: other.id, projectId: id, causeId: null, what: '排班', owner: '钱健', dueDay: '2026-11-30', doneAt: null } },
    ]);
  });

  it('deletes a whole project with its parts; one with verdicts needs a reason; a closed one is refused; nothing half-deleted', () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return messageFor(e as DomainError, 'zh-CN');
      }
      return 'not refused';
    };
    const keep = createProject(t.ctx, boss, { ...TIMELINESS, title: '留下的课题' }).project.id;
    addCause(t.ctx, boss, keep, { group: 'man', text: '别的原因', verdict: 'unchecked', evidence: '' });
    const id = createProject(t.ctx, boss, TIMELINESS).project.id;
    const c = addCause(t.ctx, boss, id, { group: 'man', text: '培训不够', verdict: 'confirmed', evidence: '抽查 20 张，12 张因不熟业务超时' });
    addMeasure(t.ctx, boss, id, { causeId: c.id, what: '培训', owner: '钱健', dueDay: '2026-11-30', done: false });
    const rows = () => t.db.prepare('SELECT (SELECT count(*) FROM qc_projects) AS p, (SELECT count(*) FROM qc_project_causes) AS c, (SELECT count(*) FROM qc_project_measures) AS m').get();
    expect(rows()).toEqual({ p: 2, c: 2, m: 1 });
    expect(refusal(() => deleteProject(t.ctx, boss, id, '  '))).toBe('课题已有要因确认记录，删除须写明原因。');
    setProjectClosed(t.ctx, boss, id, true);
    expect(refusal(() => deleteProject(t.ctx, boss, id, '重复开题'))).toBe('课题已结题，不能再修改（如需修改请先重新打开）。');
    expect(rows()).toEqual({ p: 2, c: 2, m: 1 });
    expect(audit('qc.project_deleted')).toEqual([]);
    setProjectClosed(t.ctx, boss, id, false);
    deleteProject(t.ctx, boss, id, '重复开题');
    expect(rows()).toEqual({ p: 1, c: 1, m: 0 });
    expect(refusal(() => getProject(t.ctx, id))).toBe(`找不到课题 ${id}。`);
    const [entry] = audit('qc.project_deleted') as Array<{ reason: string; project: { title: string }; causes: unknown[]; measures: unknown[] }>;
    expect([entry!.reason, entry!.project.title, entry!.causes.length, entry!.measures.length]).toEqual(['重复开题', '提高工单处理及时率', 1, 1]);
    // Without verdicts no reason is asked.
    deleteProject(t.ctx, boss, keep, '');
    expect(rows()).toEqual({ p: 0, c: 0, m: 0 });
  });
});
