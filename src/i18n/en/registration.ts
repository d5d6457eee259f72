import type { RegistrationMessages } from '../messages.js';

export const registration: RegistrationMessages = {
  passkeyButton: 'Create a passkey',
  passkeyRetryButton: 'Try again',
  passkeyAnotherButton: 'Create another passkey',
  passkeyOtherDeviceButton: 'Use another device',
  passkeyIdle: 'Sign in next time with your fingerprint, face or screen lock instead of a password.',
  starting: 'Preparing…',
  passkeyPrompting: 'Follow the instructions of your browser or device to create the passkey.',
  verifying: 'Saving your passkey…',
  passkeySuccess: (name) => `Your passkey “${name}” is ready. You can use it to sign in.`,
  u2fButton: 'Add a security key',
  u2fRetryButton: 'Try again',
  u2fAnotherButton: 'Add another security key',
  u2fOtherDeviceButton: 'Use another security key',
  u2fIdle: 'Use a security key as a second step when you sign in.',
  u2fPrompting: 'Insert or tap your security key and follow the instructions of your browser.',
  u2fSuccess: (name) => `Your security key “${name}” is ready.`,
  u2fAlreadyRegistered: 'This security key is already registered.',
  nameLabel: 'Name (optional)',
  capabilityNoWebAuthn:
    'This browser cannot create passkeys here. Open the registration link on your phone, or use another browser.',
  capabilityNoPlatform:
    'This device has no passkey provider set up (fingerprint, face or screen lock). Set one up, or register from your phone with a registration link’s QR code.',
  platformRefused:
    'This browser cannot keep a passkey on this device: it offers no passkey provider here. Use another browser, or register from your phone with a registration link’s QR code.',
  capabilityOtherDevice:
    'This device cannot keep the passkey itself: your browser will offer your phone or a security key instead.',
  deviceName: (browser, os) => `${browser} on ${os}`,
  registrationNeedsLink: 'This page cannot register without a link.',
  passkeyStartingButton: 'Creating your passkey…',
  u2fStartingButton: 'Adding your security key…',
  promptingButton: 'Waiting for your device…',
  verifyingButton: 'Checking…',
  cancelButton: 'Cancel',
  timeLeft: (minutes) => (minutes === 1 ? 'Up to 1 minute left' : `Up to ${minutes} minutes left`),
  securityKeyName: (date) => `Security key, ${date}`,
  linkMissing:
    'To create your passkey, open the link from your invitation email. This page alone cannot tell who you are.',
  linkNoWebAuthn:
    'This browser cannot create passkeys, and your link is still unused. Open this page in another browser (in an app, choose “Open in browser” from its menu), or open the link on another device.',
  linkRefused:
    'This browser cannot create a passkey here, and your link is now used up. Ask for a new link, then open it in another browser or on another device.',
  u2fVerifying: 'Saving your security key…',
  continueLink: 'Continue',
  orphanRemoved: 'The unsaved passkey was removed from your password manager.',
};
