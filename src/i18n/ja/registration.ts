// Japanese — registration
import type { RegistrationMessages } from '../messages.js';

export const registration: RegistrationMessages = {
  passkeyButton: 'パスキーを作成',
  passkeyRetryButton: 'もう一度試す',
  passkeyAnotherButton: '別のパスキーを作成',
  passkeyOtherDeviceButton: '別のデバイスを使用',
  passkeyIdle: '次回からはパスワードの代わりに、指紋・顔・画面ロックでサインインできます。',
  starting: '準備しています…',
  passkeyPrompting: 'ブラウザまたはデバイスの案内に従ってパスキーを作成してください。',
  verifying: 'パスキーを保存しています…',
  passkeySuccess: (name) => `パスキー「${name}」の準備ができました。サインインに使用できます。`,
  u2fButton: 'セキュリティキーを追加',
  u2fRetryButton: 'もう一度試す',
  u2fAnotherButton: '別のセキュリティキーを追加',
  u2fOtherDeviceButton: '別のセキュリティキーを使用',
  u2fIdle: 'サインイン時の 2 段階目としてセキュリティキーを使用します。',
  u2fPrompting: 'セキュリティキーを差し込むかタッチし、ブラウザの案内に従ってください。',
  u2fSuccess: (name) => `セキュリティキー「${name}」の準備ができました。`,
  u2fAlreadyRegistered: 'このセキュリティキーはすでに登録されています。',
  nameLabel: '名前（任意）',
  capabilityNoWebAuthn:
    'このブラウザではここでパスキーを作成できません。スマートフォンで登録リンクを開くか、別のブラウザを使用してください。',
  capabilityNoPlatform:
    'このデバイスにはパスキーの保存先（指紋・顔・画面ロック）が設定されていません。設定するか、登録リンクの QR コードを使ってスマートフォンから登録してください。',
  platformRefused:
    'このブラウザでは、このデバイスにパスキーを保存できません。ここで利用できるパスキーの保存先がありません。別のブラウザを使用するか、登録リンクの QR コードを使ってスマートフォンから登録してください。',
  capabilityOtherDevice:
    'このデバイス自体にはパスキーを保存できません。ブラウザがスマートフォンまたはセキュリティキーの使用を提案します。',
  deviceName: (browser, os) => `${os} の ${browser}`,
  registrationNeedsLink: 'このページはリンクなしでは登録できません。',
  passkeyStartingButton: 'パスキーを作成しています…',
  u2fStartingButton: 'セキュリティキーを追加しています…',
  promptingButton: 'デバイスの応答を待っています…',
  verifyingButton: '確認しています…',
  cancelButton: 'キャンセル',
  timeLeft: (minutes) => `残り最大 ${minutes} 分`,
  securityKeyName: (date) => `セキュリティキー（${date}）`,
  linkMissing:
    'パスキーを作成するには、招待メールのリンクを開いてください。このページだけでは、どなたであるかを確認できません。',
  linkNoWebAuthn:
    'このブラウザではパスキーを作成できませんが、リンクはまだ使われていません。別のブラウザでこのページを開く（アプリ内ではメニューから「ブラウザで開く」を選択）か、別のデバイスでリンクを開いてください。',
  linkRefused:
    'このブラウザではここでパスキーを作成できず、リンクは使用済みになりました。新しいリンクを依頼し、別のブラウザまたは別のデバイスで開いてください。',
  u2fVerifying: 'セキュリティキーを保存しています…',
  continueLink: '続行',
  orphanRemoved: '保存されなかったパスキーは、パスワードマネージャーから削除されました。',
};
