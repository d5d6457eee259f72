import type { LinkMessages } from '../messages.js';

export const link: LinkMessages = {
  linkUserIdLabel: 'User ID',
  linkUserIdMissing: 'Enter the user’s ID.',
  linkDeliveryLegend: 'How the user gets the link',
  linkDeliveryReturn: 'Show the link here',
  linkDeliveryEmail: 'Email it to the user',
  linkTemplateLabel: 'Link template (optional)',
  linkTemplateHint: 'An https: URL with {{.UserID}}, {{.OrgID}}, {{.CodeID}} and {{.Code}}.',
  linkTemplateV1:
    'ZITADEL v1 cannot use a link template: it emails its own default link. Clear the link template, or use the v2 API.',
  linkTemplateInvalid:
    'This link template cannot be used: it must be an https: URL with no other variables than {{.UserID}}, {{.OrgID}}, {{.CodeID}} and {{.Code}}.',
  linkTemplateRefused: 'ZITADEL refused this link template: it cannot fill in one of its variables.',
  linkTemplateUnreadable: 'ZITADEL could not read this link template: check its {{ }} parts.',
  linkCreateButton: 'Create registration link',
  linkCreating: 'Creating the link…',
  linkCreated: 'The registration link is ready. It works once.',
  linkEmailed: 'ZITADEL is sending the registration link to the user’s email address.',
  linkCopy: 'Copy link',
  linkCopied: 'Link copied',
  linkCopyFailed: 'Copying did not work: select the link and copy it.',
  linkQrLabel: 'QR code of the registration link',
  linkScanHint: 'Scan the code with a phone to register a passkey there.',
  linkExpires: (date) => `Works until ${date}.`,
};
