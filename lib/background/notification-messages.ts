/// <reference types="vite/client" />
import type { MessagesFile } from '../i18n.ts';

type Message = MessagesFile[string];
const folderOf = (path: string) => path.split('/').at(-2) as string;

// Only the keys the background shows (a letter's reminder), each read from every locale file as a named export,
// so that the rest of each file is left out of the background's bundle.
const PARTS: Record<string, Record<string, Message>>[] = [
  {
    lettersHeading: import.meta.glob<Message>('../../public/_locales/*/messages.json', {
      import: 'lettersHeading',
      eager: true,
    }),
  },
  {
    lettersNotifyDue: import.meta.glob<Message>('../../public/_locales/*/messages.json', {
      import: 'lettersNotifyDue',
      eager: true,
    }),
  },
  {
    lettersNotifyBefore: import.meta.glob<Message>('../../public/_locales/*/messages.json', {
      import: 'lettersNotifyBefore',
      eager: true,
    }),
  },
];

/** Each locale's messages for the reminders the background notifies, as `useLocaleLoaders` takes them. */
export const NOTIFICATION_LOCALES: Record<string, () => Promise<MessagesFile>> = {};
for (const part of PARTS) {
  for (const [key, byPath] of Object.entries(part)) {
    for (const [path, message] of Object.entries(byPath)) {
      const folder = folderOf(path);
      if (folder === 'en') continue;
      const previous = NOTIFICATION_LOCALES[folder];
      NOTIFICATION_LOCALES[folder] = async () => ({ ...(await previous?.()), [key]: message });
    }
  }
}
