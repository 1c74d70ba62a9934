/**
 * A history whose text carries the category and department honestly, for
 * measuring the dispatch model where the seeded demo data cannot: the demo's
 * text is one of 1–5 fixed sentences per top-level category, and neither its
 * second level nor its department depends on the text at all.
 *
 * Each leaf of the default tree has its own phrases; every text is one or two
 * of them (a fifth of the time one borrowed from a sibling leaf), often a
 * phrase its top level shares with its siblings, and generic words any
 * complaint has. One phrase per leaf first appears in the last six months
 * (new wording the model has not seen). 8 % of tickets are filed under a
 * sibling leaf (misfiled), and 12 % sit with a department other than the one
 * responsible for their category — as wrong dispatch does. Deterministic for a seed.
 */
import type { Db } from '../../../src-main/db/open';
import { seededRandom } from '../../../src-main/core/random';

const LEAF_PHRASES: Record<string, string[]> = {
  '网络质量/信号覆盖': ['家里室内没有信号', '地下车库信号盲区', '小区信号格数很少', '电梯里完全没信号'],
  '网络质量/上网慢/断网': ['手机上网很慢打不开网页', '4G网络经常断网', '晚上刷视频一直缓冲', '数据连接时有时无'],
  '网络质量/VoLTE 注册': ['开通VoLTE后高清图标不显示', 'VoLTE注册失败', '打不出高清电话显示未注册', '设置里VoLTE开关灰色'],
  '网络质量/VoLTE 接入': ['拨号后长时间无法接通', '打电话总是提示网络忙', '呼叫建立很慢', '高清通话拨不出去'],
  '网络质量/VoLTE 掉话': ['通话中途突然断线', '讲电话讲到一半掉话', '通话几分钟就自动挂断', '高清通话频繁中断'],
  '网络质量/VoLTE 语音质量': ['通话声音断断续续', '对方听不清有杂音', '通话有回声', '语音卡顿像机器人'],
  '网络质量/VoLTE CSFB 回落': ['来电时网络回落到2G', '通话后不能返回4G', '打电话时上不了网', '接电话后一直停在3G'],
  '资费计费/多收费': ['本月话费比平时多扣了', '莫名其妙多收了几十元', '账单多出一笔费用', '余额突然少了'],
  '资费计费/套餐/流量计费': ['套餐内流量没用完却收流量费', '流量超出计费不合理', '定向流量被按通用流量扣', '国内流量被当成漫游计费'],
  '资费计费/资费争议': ['套餐资费与宣传不符', '不认可现在的收费标准', '月租怎么涨价了', '资费说明不清楚'],
  '增值业务/SP 定制不认可': ['从未订购却被定制了彩铃业务', '莫名其妙开通了会员包', '不认可的包月业务', '未经同意订购了增值业务'],
  '增值业务/群发短信': ['每天收到大量营销短信', '垃圾短信骚扰', '群发广告短信太多', '退订后仍然收到推销短信'],
  '增值业务/内容不健康': ['收到不健康的信息内容', '推送低俗内容', '短信内容涉及赌博', '彩信内容不雅'],
  '增值业务/信息费退费': ['要求退还信息费', '信息费扣了要退', '把代收费退回来', '游戏点播费要求退款'],
  '服务质量/服务态度': ['营业员态度恶劣', '客服说话很不耐烦', '工作人员爱理不理', '装维人员态度差'],
  '服务质量/营业厅等待': ['营业厅排队等了一个多小时', '窗口太少等待太久', '取号后半天叫不到', '营业厅只开一个窗口'],
  '服务质量/热线接通': ['10086人工一直打不进', '热线转人工排队很久', '客服电话总是占线', '按了人工服务没人接'],
  '营销活动/活动信息不同步': ['营业厅说的活动系统里查不到', '线上线下活动内容不一致', '活动规则和宣传单不一样', '店员说的优惠和短信通知不同'],
  '营销活动/承诺未兑现': ['承诺的话费返还没到账', '送的流量没有兑现', '活动礼品一直没给', '存费送费的赠款没有到'],
  '业务办理/携号转网': ['申请携号转网被拒绝', '携转授权码收不到', '说我不符合携号转网条件', '携出一直办不了'],
  '业务办理/销户': ['销户手续太繁琐', '想注销号码办不了', '异地不能销户', '销户要求先交违约金'],
  '业务办理/实名登记': ['实名登记信息有误', '号码登记在别人名下', '实名认证一直不通过', '补登记身份证信息失败'],
  宽带: ['宽带经常掉线', '宽带速率达不到签约带宽', '光猫亮红灯上不了网', '装维预约后一直没上门'],
  终端: ['合约机出现质量问题', '新买的手机无法开机', '手机屏幕有坏点要求换机', '终端保修不给处理'],
  '速递/一般晚点': ['快递比承诺晚了一天', '配送比约定时间晚', '包裹晚到了', '送货慢了一天'],
  '速递/严重晚点': ['快递一周了还没送到', '物流停滞好几天', '严重超时未派送', '半个月都没收到货'],
  '速递/物品受损': ['收到的手机屏幕碎了', '物品在运输中损坏', '货物摔坏了', '东西到手已经坏了'],
  '速递/丢失': ['快递显示签收但没收到', '包裹丢了', '物流信息显示已丢件', '寄的卡不见了'],
  '速递/费用多收': ['快递运费多收了', '到付费用比说好的高', '被收了额外的配送费', '保价费多扣了'],
  '速递/服务态度': ['快递员态度很差', '派件员爱理不理', '快递员骂人', '送货员不肯送上楼'],
  '速递/包装污染/受损': ['外包装破损', '包装盒被水泡了', '包裹外箱脏污', '封条被撕开了'],
  '速递/其他理赔': ['要求快递理赔', '申请赔偿一直没结果', '理赔流程太慢', '丢件赔偿金额不合理'],
  其他: ['对处理结果不满意', '要求上级部门介入', '反映的问题一直没人管', '投诉多次没有结果'],
};

/** Words a top level's complaints share whichever leaf they are. */
const TOP_PHRASES: Record<string, string[]> = {
  网络质量: ['信号不好', '网络很差', '通话质量差'],
  资费计费: ['话费有问题', '扣费不明', '要求核查账单'],
  增值业务: ['增值业务', '要求退订', '短信'],
  服务质量: ['服务不好', '体验很差', '要求道歉'],
  营销活动: ['参加了活动', '优惠', '合约活动'],
  业务办理: ['办理业务', '多次跑营业厅', '手续'],
  宽带: ['家里宽带', '上网'],
  终端: ['手机', '换机'],
  速递: ['快递', '网上订购', '物流'],
  其他: ['不满意'],
};

const GENERIC = ['要求尽快处理', '多次反映未解决', '客户情绪激动', '请给个说法', '已经影响生活', '希望早日解决', '客户表示会继续投诉', '之前打过电话', '非常不满', '请回电'];

/** The department responsible for each top level. */
const RESPONSIBLE: Record<string, string> = {
  网络质量: '网络部',
  宽带: '网络部',
  资费计费: '计费中心',
  增值业务: '计费中心',
  服务质量: '客服中心',
  其他: '客服中心',
  营销活动: '市场部',
  终端: '市场部',
  业务办理: '渠道部',
  速递: '渠道部',
};
const DEPARTMENTS = ['客服中心', '网络部', '市场部', '计费中心', '政企部', '渠道部'];
const DAY = 86_400_000;

/** Write `count` settled tickets received evenly over `months` months ending at `end`. */
export function writeVariations(db: Db, opts: { count: number; months: number; end: number; seed?: number }): void {
  const r = seededRandom(opts.seed ?? 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const nodes = db.prepare('SELECT id, parent_id AS parentId, name FROM categories').all() as Array<{ id: number; parentId: number | null; name: string }>;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pathOf = (n: { parentId: number | null; name: string }) => (n.parentId === null ? n.name : `${byId.get(n.parentId)!.name}/${n.name}`);
  const leafId = new Map(nodes.map((n) => [pathOf(n), n.id]));
  const leaves = Object.keys(LEAF_PHRASES);
  const siblings = (leaf: string) => leaves.filter((l) => l.split('/')[0] === leaf.split('/')[0]);
  const span = opts.months * 30.44 * DAY;
  const start = opts.end - span;
  const lateFrom = opts.end - 6 * 30.44 * DAY;
  const insert = db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, city, district, category_id, level, status,
    description, department, first_response_at, resolved_at, closed_at, is_repeat, created_at, updated_at)
    VALUES (?, '10086', ?, ?, '佛山', '禅城区', ?, 'normal', 'resolved', ?, ?, ?, ?, NULL, 0, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < opts.count; i++) {
      const receivedAt = Math.floor(start + (span * i) / opts.count + r() * 60_000);
      const leaf = pick(leaves);
      const top = leaf.split('/')[0]!;
      // The newest wording (the last phrase) only in the last six months.
      const own = LEAF_PHRASES[leaf]!.slice(0, receivedAt >= lateFrom ? 4 : 3);
      const parts = [pick(own)];
      if (r() < 0.4) parts.push(pick(own));
      if (r() < 0.2) parts.push(pick(LEAF_PHRASES[pick(siblings(leaf))]!.slice(0, 3)));
      if (r() < 0.6) parts.splice(Math.floor(r() * (parts.length + 1)), 0, pick(TOP_PHRASES[top]!));
      if (r() < 0.7) parts.push(pick(GENERIC));
      const filed = r() < 0.08 ? pick(siblings(leaf)) : leaf;
      const department = r() < 0.12 ? pick(DEPARTMENTS) : RESPONSIBLE[top]!;
      const description = [...new Set(parts)].join('，') + '。';
      insert.run(`V${i}`, receivedAt, `138${String(i).padStart(8, '0')}`, leafId.get(filed)!, description, department, receivedAt + 3_600_000, receivedAt + 86_400_000, receivedAt, receivedAt);
    }
  })();
}
