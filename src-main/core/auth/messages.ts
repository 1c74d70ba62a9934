/** Sentences for the account rules (login throttling, disabled accounts), in zh-CN and en. */
type Params = Record<string, string | number>;
type Locale = 'zh-CN' | 'en';

function wait(seconds: number, l: Locale): string {
  if (seconds < 90) return l === 'en' ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${seconds} 秒`;
  const minutes = Math.ceil(seconds / 60);
  return l === 'en' ? `${minutes} minutes` : `${minutes} 分钟`;
}

export const AUTH_TEMPLATES = {
  too_many_attempts: (p: Params, l: Locale) =>
    l === 'en'
      ? `Too many wrong passwords. Try again in ${wait(Number(p.seconds), l)}.`
      : `密码错误次数过多，请 ${wait(Number(p.seconds), l)}后再试。`,
  account_disabled: (_p: Params, l: Locale) =>
    l === 'en' ? 'This account has been disabled. Ask an administrator.' : '该账号已停用，请联系管理员。',
  wrong_current_password: (_p: Params, l: Locale) => (l === 'en' ? 'The current password is wrong.' : '当前密码不正确。'),
};
