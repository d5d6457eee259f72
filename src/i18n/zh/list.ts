// Chinese (Simplified) — list
import type { ListMessages } from '../messages.js';

export const list: ListMessages = {
  listLoading: '正在加载通行密钥和安全密钥…',
  listEmpty: '还没有通行密钥或安全密钥。',
  listKindPasskey: '通行密钥',
  listKindU2f: '安全密钥',
  listUnnamedPasskey: '未命名的通行密钥',
  listUnnamedU2f: '未命名的安全密钥',
  listStateReady: '可用',
  listStateNotReady: '未完成',
  listDelete: '删除',
  listDeleteLabel: (name) => `删除“${name}”`,
  listConfirm: (name) => `删除“${name}”？删除后将无法再用它登录。`,
  listConfirmButton: '删除',
  listCancel: '取消',
  listDeleting: (name) => `正在删除“${name}”…`,
  listRemoved: (name) => `“${name}”已删除。`,
  listUnlistedU2f: '你还注册了安全密钥；此页面无法逐个列出它们。',
};
