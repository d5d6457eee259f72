// Chinese (Simplified) — registration
import type { RegistrationMessages } from '../messages.js';

export const registration: RegistrationMessages = {
  passkeyButton: '创建通行密钥',
  passkeyRetryButton: '重试',
  passkeyAnotherButton: '再创建一个通行密钥',
  passkeyOtherDeviceButton: '使用其他设备',
  passkeyIdle: '下次登录时，用指纹、面容或屏幕锁定代替密码。',
  starting: '正在准备…',
  passkeyPrompting: '请按照浏览器或设备的提示创建通行密钥。',
  verifying: '正在保存通行密钥…',
  passkeySuccess: (name) => `通行密钥“${name}”已就绪，现在可以用它登录。`,
  u2fButton: '添加安全密钥',
  u2fRetryButton: '重试',
  u2fAnotherButton: '再添加一个安全密钥',
  u2fOtherDeviceButton: '使用其他安全密钥',
  u2fIdle: '登录时将安全密钥用作第二步验证。',
  u2fPrompting: '请插入或轻触安全密钥，并按照浏览器的提示操作。',
  u2fSuccess: (name) => `安全密钥“${name}”已就绪。`,
  u2fAlreadyRegistered: '此安全密钥已注册。',
  nameLabel: '名称（可选）',
  capabilityNoWebAuthn: '此浏览器无法在这里创建通行密钥。请在手机上打开注册链接，或使用其他浏览器。',
  capabilityNoPlatform:
    '此设备未设置通行密钥提供方（指纹、面容或屏幕锁定）。请先设置，或使用注册链接的二维码在手机上注册。',
  platformRefused:
    '此浏览器无法在此设备上保存通行密钥：这里没有可用的通行密钥提供方。请使用其他浏览器，或使用注册链接的二维码在手机上注册。',
  capabilityOtherDevice: '此设备本身无法保存通行密钥：浏览器会改为让你使用手机或安全密钥。',
  deviceName: (browser, os) => `${os} 上的 ${browser}`,
  registrationNeedsLink: '没有链接，此页面无法注册。',
  passkeyStartingButton: '正在创建通行密钥…',
  u2fStartingButton: '正在添加安全密钥…',
  promptingButton: '正在等待你的设备…',
  verifyingButton: '正在检查…',
  cancelButton: '取消',
  timeLeft: (minutes) => `最多还剩 ${minutes} 分钟`,
  securityKeyName: (date) => `安全密钥（${date}）`,
  linkMissing: '要创建通行密钥，请打开邀请邮件中的链接。没有该链接，此页面无法确认你的身份。',
  linkNoWebAuthn:
    '此浏览器无法创建通行密钥，你的链接尚未使用。请在其他浏览器中打开此页面（在应用内，请从菜单中选择“在浏览器中打开”），或在其他设备上打开该链接。',
  linkRefused:
    '此浏览器无法在这里创建通行密钥，你的链接现已失效。请索取新的链接，并在其他浏览器或其他设备上打开。',
  u2fVerifying: '正在保存安全密钥…',
  continueLink: '继续',
  orphanRemoved: '未保存的通行密钥已从你的密码管理器中移除。',
};
