// Japanese — common
import { suggestV2, zitadelGeneration } from '../api-label.js';
import type { CommonMessages } from '../messages.js';

export const common: CommonMessages = {
  errors: {
    cancelled: 'リクエストがキャンセルされたか、タイムアウトしました。',
    'already-registered': 'このデバイスには、すでにあなたのアカウントのパスキーがあります。',
    unsupported: 'このブラウザまたはデバイスではパスキーを作成できません。',
    security: 'このページには、このドメインのパスキーを作成する権限がありません。',
    aborted: '登録を中止しました。',
    'invalid-code': 'この登録リンクは無効か、使用済みか、有効期限が切れています。',
    unauthenticated: 'サインインしていないか、セッションの有効期限が切れています。',
    forbidden: 'この操作を行う権限がありません。',
    'not-found': 'ユーザーが見つかりませんでした。',
    'invalid-input': 'リクエストが無効です。',
    'verification-failed': 'サーバーで新しい認証情報を検証できませんでした。',
    'bad-response': 'サーバーから予期しない応答がありました。',
    network: 'サーバーに接続できませんでした。',
    server: 'サーバーで問題が発生しました。',
  },
  hints: {
    cancelled: '準備ができたらもう一度お試しください。',
    'already-registered': 'このパスキーですでにサインインできます。別のデバイスを使用することもできます。',
    unsupported: 'スマートフォンなど、別のブラウザまたはデバイスを使用してください。',
    security: 'サイトのサポートにお問い合わせください。',
    aborted: '準備ができたらもう一度始めてください。',
    'invalid-code': '新しいリンクを依頼してください。',
    unauthenticated: 'もう一度サインインしてから、再度お試しください。',
    forbidden: '管理者にお問い合わせください。',
    'not-found': 'リンクを確認するか、管理者にお問い合わせください。',
    'invalid-input': '入力内容を確認して、もう一度お試しください。',
    'verification-failed': 'もう一度試すか、別のデバイスを使用してください。',
    'bad-response': 'しばらくしてからもう一度お試しください。',
    network: '接続を確認して、もう一度お試しください。',
    server: '少し待ってからもう一度お試しください。',
  },
  apiUnsupported: (api) => {
    const generation = zitadelGeneration(api);
    if (generation === undefined) return `${api} ではパスキーやセキュリティキーを登録できません。`;
    return `この ZITADEL は ${generation} のパスキー API を提供していません${suggestV2(generation) ? '。v2 を使用してください' : ''}。`;
  },
};
