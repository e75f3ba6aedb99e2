import browser from 'webextension-polyfill';
import { localDay } from '../../lib/day.ts';
import type { LetterRecord, LetterStatus } from '../../lib/letters/types.ts';
import { request } from '../../lib/messages.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import { useLive } from './use-live.ts';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/** The letters page's one reader and writer: every letter sent, live, and its status set through the background. */
export function useLettersModel(db: DisclosedDb): {
  letters: LetterRecord[] | undefined;
  today: string;
  setStatus: (reference: string, status: LetterStatus) => void;
} {
  const letters = useLive(() => db.letters.toArray(), [db]);
  return {
    letters,
    today: localDay(Date.now()),
    setStatus: (reference, status) => {
      request(send, 'letters/set-status', { reference, status }).catch((error) =>
        console.error('Disclosed: could not set the status', error),
      );
    },
  };
}
