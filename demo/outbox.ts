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
        const subject = document.createElement('strong');
        subject.textContent = 'Set up your passkey';
        const meta = document.createElement('p');
        meta.className = 'meta';
        meta.textContent = `To ${mail.to} · ${new Date(mail.sentAt).toLocaleString()}`;
        const body = document.createElement('p');
        body.append('Open this link to register a passkey: ', linkOrText(mail.link));
        item.append(subject, meta, body);
        return item;
      }),
  );
  if (outbox.length === 0) list.textContent = 'No emails yet. Create a link with "Email it to the user".';
}

byId('refresh').addEventListener('click', () => void show());
void show();
