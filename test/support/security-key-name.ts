/** The English default name of a security key no list knows, added today: "Security key, Dec 1, 2026". */
export function securityKeyToday(): string {
  return `Security key, ${new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date())}`;
}
