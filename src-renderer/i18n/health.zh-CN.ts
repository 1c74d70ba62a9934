/** The database's soundness (banner and settings section), in Chinese. health.en.ts must match this shape. */
export const healthZhCN = {
  health: {
    title: '数据安全',
    intro: '启动后在后台快速检查数据库文件；每天的自动备份做一次完整检查。检查不影响正常使用。',
    database: '数据库文件',
    backup: '最近一次自动备份',
    notYet: '尚未检查（启动后几秒内在后台进行）',
    noBackup: '尚无自动备份',
    passed: '{{kind}}通过（{{at}}，用时 {{seconds}} 秒）',
    failed: '{{kind}}未通过（{{at}}）：{{problems}}',
    checking: '已写入，正在完整检查…',
    kind: { quick: '快速检查', full: '完整检查' },
    backupDir: '备份文件夹',
    restoreFrom: '可用于恢复的最近备份',
    none: '无',
    howToRestore: '恢复方法：关闭控制台，在命令行运行',
    bannerDatabase: '数据库文件检查发现损坏：{{problems}}。请尽快通知管理员恢复；在恢复之前，部分工单可能无法打开。',
    bannerBackup: '今天的自动备份未通过完整检查：{{problems}}。数据库本身可能已损坏，请通知管理员。',
    bannerRestore: '恢复方法：关闭控制台后运行',
    bannerNoGoodBackup: '备份文件夹 {{dir}} 中没有通过检查的备份；请联系技术支持。',
  },
};
