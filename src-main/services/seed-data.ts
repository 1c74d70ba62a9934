/** Vocabulary for demo data: a 佛山-like branch, China Mobile number ranges, real complaint wording. */
export const CITY = '佛山';
export const DISTRICTS = ['禅城区', '南海区', '顺德区', '高明区', '三水区'] as const;
export const DISTRICT_WEIGHTS = [24, 30, 28, 8, 10];

export const DEPARTMENTS = ['客服中心', '网络部', '市场部', '计费中心', '政企部', '渠道部'] as const;

/** China Mobile mobile prefixes. */
export const PHONE_PREFIXES = ['134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '178', '182', '183', '184', '187', '188', '198'];

export const CHANNEL_WEIGHTS: Record<string, number> = {
  '10086': 55,
  store: 14,
  online: 12,
  social: 5,
  '10080': 6,
  '12300': 3,
  other: 5,
};

/** Relative frequency of each top-level category (网络质量 and 资费 dominate, as in the source material). */
export const CATEGORY_WEIGHTS: Record<string, number> = {
  网络质量: 30,
  资费计费: 20,
  增值业务: 12,
  服务质量: 10,
  营销活动: 8,
  业务办理: 8,
  宽带: 6,
  终端: 2,
  速递: 2,
  其他: 2,
};

export const SURNAMES = ['陈', '李', '黄', '张', '梁', '何', '林', '罗', '吴', '郑', '王', '刘', '冯', '周', '谭', '邓', '麦', '区', '潘', '杨'];
export const GIVEN = ['女士', '先生', '小姐', '伟', '芳', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞'];

export const DESCRIPTIONS: Record<string, readonly string[]> = {
  网络质量: [
    '家中室内信号差，通话经常中断，要求尽快处理。',
    '近一周上网速度很慢，晚上经常断网。',
    '手机开通VoLTE后无法注册，高清通话图标不显示。',
    'VoLTE通话过程中频繁掉话，影响工作。',
    '小区地下车库没有信号，多次反映未解决。',
  ],
  资费计费: [
    '本月话费比平时多出几十元，怀疑多收费，要求核查。',
    '套餐内流量未用完却产生了流量费用。',
    '办理的优惠活动没有生效，按原价扣费。',
  ],
  增值业务: [
    '从未订购过该SP业务，却被扣取信息费，要求退费。',
    '每天收到大量群发营销短信，要求屏蔽。',
    '不认可的增值业务定制，要求退订并退还费用。',
  ],
  服务质量: ['营业厅排队等待超过一小时，工作人员态度冷淡。', '拨打10086长时间无法接通人工服务。', '营业员解释业务时态度不好。'],
  营销活动: ['参加的合约活动承诺的话费返还至今没有到账。', '营业厅宣传的活动与实际办理内容不一致。'],
  业务办理: ['申请携号转网被告知不符合条件，原因不明。', '办理销户手续繁琐，多次跑营业厅未办成。', '实名登记信息有误，要求更正。'],
  宽带: ['宽带经常掉线，维修人员预约后未上门。', '宽带实际速率达不到签约速率。'],
  终端: ['购买的合约机出现质量问题，要求换机。'],
  速递: ['网上订购的手机卡配送严重晚点。', '收到的终端包装破损，物品受损。'],
  其他: ['对公司的处理结果不满意，要求上级部门介入。'],
};

export const RESOLUTIONS = [
  '已核实情况并向客户解释，客户表示理解。',
  '已安排网络优化，信号恢复正常。',
  '已为客户办理退费，并退订相关业务。',
  '已协调责任部门处理完毕，回复客户。',
];

export const STAFF = [
  { username: 'zhangwei', displayName: '张伟', role: 'agent', department: '客服中心' },
  { username: 'liuna', displayName: '刘娜', role: 'agent', department: '客服中心' },
  { username: 'chenjing', displayName: '陈静', role: 'agent', department: '网络部' },
  { username: 'huangqiang', displayName: '黄强', role: 'agent', department: '计费中心' },
  { username: 'lixiaoming', displayName: '李晓明', role: 'supervisor', department: '客服中心' },
  { username: 'wangfang', displayName: '王芳', role: 'manager', department: '客服中心' },
] as const;

/**
 * How often each breach cause (超时原因) is the one recorded on a late demo
 * ticket, in the proportions the branch's timeliness study found: backlog and
 * an unwatched queue first, then wrong dispatch and fault location.
 */
export const BREACH_CAUSE_WEIGHTS: Record<string, number> = {
  backlog: 40,
  wrong_dispatch: 16,
  fault_location: 12,
  other_department: 14,
  customer_unreachable: 9,
  system_fault: 5,
  other: 4,
};

/** Words a settler writes under 其他. */
export const OTHER_CAUSE_TEXTS = ['客户要求延后处理', '节假日值班人手不足', '需上门测试，客户改约时间'];
