// Japanese — link
import type { LinkMessages } from '../messages.js';

export const link: LinkMessages = {
  linkUserIdLabel: 'ユーザー ID',
  linkUserIdMissing: 'ユーザーの ID を入力してください。',
  linkDeliveryLegend: 'リンクの受け渡し方法',
  linkDeliveryReturn: 'ここにリンクを表示',
  linkDeliveryEmail: 'ユーザーにメールで送信',
  linkTemplateLabel: 'リンクテンプレート（任意）',
  linkTemplateHint: '{{.UserID}}、{{.OrgID}}、{{.CodeID}}、{{.Code}} を含む https: の URL。',
  linkTemplateV1:
    'ZITADEL v1 ではリンクテンプレートを使えません。既定のリンクをメールで送信します。リンクテンプレートを空にするか、v2 API を使ってください。',
  linkTemplateInvalid:
    'このリンクテンプレートは使えません。https: の URL で、{{.UserID}}、{{.OrgID}}、{{.CodeID}}、{{.Code}} 以外の変数を含まないものにしてください。',
  linkTemplateRefused: 'ZITADEL はこのリンクテンプレートを拒否しました。変数のいずれかに値を設定できません。',
  linkTemplateUnreadable:
    'ZITADEL はこのリンクテンプレートを読み取れませんでした。{{ }} の部分を確認してください。',
  linkCreateButton: '登録リンクを作成',
  linkCreating: 'リンクを作成しています…',
  linkCreated: '登録リンクの準備ができました。使用できるのは 1 回のみです。',
  linkEmailed: 'ZITADEL がユーザーのメールアドレスに登録リンクを送信しています。',
  linkCopy: 'リンクをコピー',
  linkCopied: 'リンクをコピーしました',
  linkCopyFailed: 'コピーできませんでした。リンクを選択してコピーしてください。',
  linkQrLabel: '登録リンクの QR コード',
  linkScanHint: 'スマートフォンでコードを読み取ると、そのデバイスでパスキーを登録できます。',
  linkExpires: (date) => `${date} まで有効です。`,
};
