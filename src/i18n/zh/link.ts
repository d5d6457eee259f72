// Chinese (Simplified) — link
import type { LinkMessages } from '../messages.js';

export const link: LinkMessages = {
  linkUserIdLabel: '用户 ID',
  linkUserIdMissing: '请输入用户 ID。',
  linkDeliveryLegend: '用户获取链接的方式',
  linkDeliveryReturn: '在此显示链接',
  linkDeliveryEmail: '通过电子邮件发送给用户',
  linkTemplateLabel: '链接模板（可选）',
  linkTemplateHint: '包含 {{.UserID}}、{{.OrgID}}、{{.CodeID}} 和 {{.Code}} 的 https: 网址。',
  linkTemplateV1: 'ZITADEL v1 无法使用链接模板：它会发送自己的默认链接。请清空链接模板，或改用 v2 API。',
  linkTemplateInvalid:
    '无法使用此链接模板：它必须是 https: 网址，且只能包含 {{.UserID}}、{{.OrgID}}、{{.CodeID}} 和 {{.Code}} 这些变量。',
  linkTemplateRefused: 'ZITADEL 拒绝了此链接模板：它无法填入其中的一个变量。',
  linkTemplateUnreadable: 'ZITADEL 无法读取此链接模板：请检查其中的 {{ }} 部分。',
  linkCreateButton: '创建注册链接',
  linkCreating: '正在创建链接…',
  linkCreated: '注册链接已就绪，只能使用一次。',
  linkEmailed: 'ZITADEL 正在将注册链接发送到用户的电子邮件地址。',
  linkCopy: '复制链接',
  linkCopied: '链接已复制',
  linkCopyFailed: '复制失败：请选中链接后手动复制。',
  linkQrLabel: '注册链接的二维码',
  linkScanHint: '用手机扫描此码，即可在手机上注册通行密钥。',
  linkExpires: (date) => `有效期至 ${date}。`,
};
