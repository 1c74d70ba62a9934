/**
 * A realistic CRM export for the import benchmark, written as a stream so a
 * million rows never sit in memory: Chinese headers, channel labels, the
 * two-level categories (some with a slash in the name), local times, quoted
 * descriptions with commas, a mix of open and finished tickets.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { DEFAULT_CATEGORIES } from '../../src-main/core/categories';
import { seededRandom } from '../../src-main/core/random';

export const HEADER = ['工单编号', '受理渠道', '受理时间', '客户号码', '客户姓名', '地市', '区县', '投诉类别', '投诉内容', '工单级别', '处理状态', '处理人', '首次响应时间', '办结时间', '满意度'];

const CHANNELS = ['10086热线', '10086', '营业厅', '在线客服', '12300', '10080集团热线', '社交媒体'];
const DISTRICTS = ['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县'];
const CATEGORIES = DEFAULT_CATEGORIES.flatMap((t) => (t.children.length ? t.children.map((c) => `${t.name}/${c}`) : [t.name]));
const STATUSES: Array<[string, boolean]> = [['处理中', false], ['已受理', false], ['已办结', true], ['已回访关闭', true], ['新建', false]];


const pad = (n: number) => String(n).padStart(2, '0');
/** Wall-clock text for minutes since 2026-01-01 00:00 (the file's times are local, as the CRM writes them). */
function wall(minutes: number): string {
  const d = new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function fixtureRow(i: number, r: () => number): string[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  // Received within Jan–Oct 2026 (the benchmark's clock is pinned to November).
  const received = Math.floor(r() * 300 * 24 * 60);
  const [status, done] = pick(STATUSES);
  const responded = received + 10 + Math.floor(r() * 240);
  const resolved = responded + Math.floor(r() * 48 * 60);
  return [
    `CRM2026${String(i).padStart(8, '0')}`,
    pick(CHANNELS),
    wall(received),
    `13${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
    r() < 0.5 ? '王女士' : '李先生',
    '兰州市',
    pick(DISTRICTS),
    pick(CATEGORIES),
    `客户反映${pick(['家中信号差', '上网很慢, 晚上更明显', '套餐扣费与宣传"不符"', '营业厅等待时间过长'])}，要求尽快处理`,
    r() < 0.9 ? '普通' : '重大',
    status,
    pick(['张三', '李四', '王五', '外包王工']),
    status === '新建' ? '' : wall(responded),
    done ? wall(resolved) : '',
    status === '已回访关闭' ? pick(['满意', '基本满意', '不满意']) : '',
  ];
}

/** Write `rows` data rows to `file` as UTF-8 CSV (CRLF, as Excel and most CRMs write). */
export async function writeFixture(file: string, rows: number, seed = 42): Promise<number> {
  const out = fs.createWriteStream(file);
  const r = seededRandom(seed);
  out.write(HEADER.join(',') + '\r\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    chunk += fixtureRow(i, r).map(quote).join(',') + '\r\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
  return fs.statSync(file).size;
}
