// Japanese — list
import type { ListMessages } from '../messages.js';

export const list: ListMessages = {
  listLoading: 'パスキーとセキュリティキーを読み込んでいます…',
  listEmpty: 'パスキーやセキュリティキーはまだありません。',
  listKindPasskey: 'パスキー',
  listKindU2f: 'セキュリティキー',
  listUnnamedPasskey: '名前のないパスキー',
  listUnnamedU2f: '名前のないセキュリティキー',
  listStateReady: '使用可能',
  listStateNotReady: '未完了',
  listDelete: '削除',
  listDeleteLabel: (name) => `「${name}」を削除`,
  listConfirm: (name) => `「${name}」を削除しますか？削除するとサインインに使用できなくなります。`,
  listConfirmButton: '削除',
  listCancel: 'キャンセル',
  listDeleting: (name) => `「${name}」を削除しています…`,
  listRemoved: (name) => `「${name}」を削除しました。`,
  listUnlistedU2f: 'セキュリティキーも登録されていますが、このページでは個別に表示できません。',
};
