// Chinese (Simplified) — common
import { suggestV2, zitadelGeneration } from '../api-label.js';
import type { CommonMessages } from '../messages.js';

export const common: CommonMessages = {
  errors: {
    cancelled: '请求已取消或超时。',
    'already-registered': '此设备上已有你账户的通行密钥。',
    unsupported: '此浏览器或设备无法创建通行密钥。',
    security: '此页面无权为该域名创建通行密钥。',
    aborted: '注册已停止。',
    'invalid-code': '此注册链接无效、已被使用或已过期。',
    unauthenticated: '你尚未登录，或会话已过期。',
    forbidden: '你无权执行此操作。',
    'not-found': '找不到该用户。',
    'invalid-input': '请求无效。',
    'verification-failed': '服务器无法验证新的凭据。',
    'bad-response': '服务器返回了意外的响应。',
    network: '无法连接到服务器。',
    server: '服务器出现问题。',
  },
  hints: {
    cancelled: '准备好后请重试。',
    'already-registered': '你已经可以用它登录，或使用其他设备。',
    unsupported: '请使用其他浏览器或设备，例如你的手机。',
    security: '请联系该网站的技术支持。',
    aborted: '准备好后请重新开始。',
    'invalid-code': '请申请新的链接。',
    unauthenticated: '请重新登录后再试。',
    forbidden: '请向管理员求助。',
    'not-found': '请检查链接或联系管理员。',
    'invalid-input': '请检查填写的内容后重试。',
    'verification-failed': '请重试，或使用其他设备。',
    'bad-response': '请稍后再试。',
    network: '请检查网络连接后重试。',
    server: '请稍后再试一次。',
  },
  apiUnsupported: (api) => {
    const generation = zitadelGeneration(api);
    if (generation === undefined) return `${api} 无法注册通行密钥或安全密钥。`;
    return `此 ZITADEL 不提供 ${generation} 通行密钥 API${suggestV2(generation) ? '；请使用 v2' : ''}。`;
  },
};
