import { byId, mockControl } from './shared.js';

interface Email {
  to: string;
  userId: string;
  link: string;
  sentAt: string;
}

const list = byId<HTMLOListElement>('outbox');

/** Only web links become clickable; anything else in an email stays text. */
function linkOrText(value: string): Node {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      const anchor = document.createElement('a');
      anchor.href = url.href;
      anchor.textContent = url.href;
      return anchor;
    }
  } catch {
    // not a URL: shown as text below
  }
  return document.createTextNode(value);
}

async function show(): Promise<void> {
  const outbox = await mockControl<Email[]>('GET', 'outbox');
  list.replaceChildren(
    ...outbox
      .slice()
      .reverse()
      .map((mail) => {
        const item = document.createElement('li');
        const heading = document.createElement('strong');
        heading.textContent = `To ${mail.to} at ${new Date(mail.sentAt).toLocaleString()}`;
        const body = document.createElement('p');
        body.append('Register a passkey: ', linkOrText(mail.link));
        item.append(heading, body);
        return item;
      }),
  );
  if (outbox.length === 0) list.textContent = 'No emails yet. Create a link with "Email it to the user".';
}

byId('refresh').addEventListener('click', () => void show());
void show();
