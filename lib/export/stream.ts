import {
  type ExportAttempt,
  type ExportContact,
  type ExportFile,
  type ExportHeader,
  type ExportLetter,
  type ExportRecord,
  ImportError,
  type ReadableExport,
  validateExport,
  validateHeaderLine,
  validateRecordLine,
} from './format.ts';

/**
 * Reading an export file in parts. Versions 3 and 4 are written in lines (JSON Lines: a header, then one flow, attempt, day,
 * event, letter or contact a line), so neither writing nor reading ever holds one string of the whole file: a million events are
 * several hundred megabytes, past the longest string V8 makes. Versions 1 and 2 (and a version 3 or 4 file in one object,
 * as small hand-made files are) are one JSON object, read whole as before: they were written as one string, so they
 * fit in one.
 */

/** The longest line read: far more than any row Disclosed stores, and under what one extension message may carry. */
export const MAX_LINE_CHARS = 32 * 1024 * 1024;
/** The most of a file in one object that is read: a little under V8's longest string. */
export const MAX_WHOLE_CHARS = 500_000_000;
/** How far into a file its header line must end: a header is a few hundred characters. */
const HEADER_CHARS = 64 * 1024;

/** Text arriving in pieces: a file's stream through a TextDecoderStream, or strings. */
export type TextPieces = AsyncIterable<string> | Iterable<string>;

/** The pieces of a ReadableStream (a File's, decoded), read one at a time. */
export async function* piecesOf(stream: ReadableStream<string>): AsyncGenerator<string> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A file's raw parts as read: its header line and each later line with its number, or the whole of an old file. */
type RawItem = { header: string } | { line: string; number: number } | { whole: string };

async function* rawItems(pieces: TextPieces): AsyncGenerator<RawItem> {
  const iterator = (async function* () {
    yield* pieces;
  })();
  // The start of the file, until its first line ends (or is clearly no header).
  const held: string[] = [];
  let heldChars = 0;
  let newline = -1;
  while (newline < 0 && heldChars <= HEADER_CHARS) {
    const next = await iterator.next();
    if (next.done) break;
    const at = next.value.indexOf('\n');
    if (at >= 0) newline = heldChars + at;
    held.push(next.value);
    heldChars += next.value.length;
  }
  const head = held.join('');
  const first = newline >= 0 ? head.slice(0, newline) : head;
  if (first.length <= HEADER_CHARS && isHeaderLine(first)) {
    yield { header: first };
    let number = 1;
    for await (const line of linesOf([head.slice(first.length + 1)], iterator, 2)) {
      number++;
      if (line.trim()) yield { line, number };
    }
    return;
  }
  // One object: read whole, as it was written.
  const whole = [head];
  let chars = head.length;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    chars += next.value.length;
    if (chars > MAX_WHOLE_CHARS)
      throw new ImportError('file', `is longer than ${MAX_WHOLE_CHARS} characters in one object`);
    whole.push(next.value);
  }
  yield { whole: whole.join('') };
}

/** Whether a first line is a header (valid or not): a JSON object naming a format, without the file's lists in it. */
function isHeaderLine(line: string): boolean {
  if (!line.trimStart().startsWith('{')) return false;
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && validateHeaderLine(value) !== undefined;
  } catch (error) {
    // A header with a bad field: say what is wrong with it rather than call the file "not JSON".
    if (error instanceof ImportError) throw error;
    return false;
  }
}

/**
 * The lines of text arriving in pieces, without their line ends: at most one line (and one piece) is held. A line
 * longer than MAX_LINE_CHARS is refused before it is put together.
 */
async function* linesOf(
  start: string[],
  rest: AsyncIterator<string>,
  firstNumber: number,
  maxLine = MAX_LINE_CHARS,
): AsyncGenerator<string> {
  let pending: string[] = [];
  let pendingChars = 0;
  let number = firstNumber;
  const take = function* (piece: string): Generator<string> {
    let from = 0;
    for (let at = piece.indexOf('\n'); at >= 0; at = piece.indexOf('\n', from)) {
      const end = at > from && piece.charCodeAt(at - 1) === 13 ? at - 1 : at;
      const tail = piece.slice(from, end);
      if (pendingChars + tail.length > maxLine) throw new ImportError(`line ${number}`, tooLong(maxLine));
      const line = pending.length ? pending.join('') + tail : tail;
      pending = [];
      pendingChars = 0;
      number++;
      from = at + 1;
      yield line;
    }
    if (from < piece.length) {
      const tail = piece.slice(from);
      pendingChars += tail.length;
      if (pendingChars > maxLine) throw new ImportError(`line ${number}`, tooLong(maxLine));
      pending.push(tail);
    }
  };
  for (const piece of start) yield* take(piece);
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield* take(next.value);
  if (pending.length) yield pending.join('').replace(/\r$/, '');
}

const tooLong = (max: number) => `is longer than ${max} characters`;

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new ImportError(`line ${number}`, 'is not JSON');
  }
}

function parseWhole(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('The file is not JSON: it is not a Disclosed export.');
  }
}

/** What reading a file gives, checked: its header, then its records one by one; or an old file whole. */
export type ExportItem = { header: ExportHeader } | ExportRecord | { whole: ReadableExport };

/** Reads and checks a file in parts (see above); throws an ImportError naming the line and field of a problem. */
export async function* readExport(pieces: TextPieces): AsyncGenerator<ExportItem> {
  for await (const item of rawItems(pieces)) {
    if ('whole' in item) yield { whole: validateExport(parseWhole(item.whole)) };
    else if ('header' in item) yield { header: validateHeaderLine(JSON.parse(item.header)) as ExportHeader };
    else yield validateRecordLine(parseLine(item.line, item.number), item.number);
  }
}

/** Reads a whole file held as text (a part, or a small file) into one export. */
export async function readWholeExport(text: string): Promise<ReadableExport> {
  let file:
    | (ExportFile & { attempts: ExportAttempt[]; letters: ExportLetter[]; contacts: ExportContact[] })
    | undefined;
  for await (const item of readExport([text])) {
    if ('whole' in item) return item.whole;
    if ('header' in item)
      file = {
        ...item.header,
        // A header line is version 3 or 4 (validateHeaderLine refuses any other).
        version: item.header.version === 3 ? 3 : 4,
        flows: [],
        attempts: [],
        days: [],
        events: [],
        letters: [],
        contacts: [],
      };
    else if (!file) throw new ImportError('line 1', 'must be the header');
    else if ('flow' in item) file.flows.push(item.flow);
    else if ('attempt' in item) file.attempts.push(item.attempt);
    else if ('day' in item) file.days.push(item.day);
    else if ('letter' in item) file.letters.push(item.letter);
    else if ('contact' in item) file.contacts.push(item.contact);
    else file.events.push(item.event);
  }
  if (!file) throw new Error('The file is empty: it is not a Disclosed export.');
  // Only a file whose export included the letters has them.
  const { letters, contacts, ...rest } = file;
  return { ...rest, ...(letters.length ? { letters } : {}), ...(contacts.length ? { contacts } : {}) };
}

export interface PartLimits {
  /** About how many characters a part holds (a line longer than that is a part of its own). */
  chars: number;
  /** At most how many records a part holds. */
  records: number;
}

/** Parts of about 4 MB: each is imported in one transaction, and goes to the background in one message. */
export const PART_LIMITS: PartLimits = { chars: 4 * 1024 * 1024, records: 10_000 };

/** The time of an event line as Disclosed writes them (time first), to keep events of one millisecond together. */
const eventTime = (line: string) => /^\{"event":\{"time":"([^"]{1,40})"/.exec(line)?.[1];

/**
 * A file as parts that are each a file of their own: the header line, then as many lines as fit. An old file in one
 * object is one part. Lines are not checked here (readExport does). Events of the same millisecond stay in one part
 * (up to four times a part's size): an import matches a part's events one to one with those already held, and two
 * identical requests split over two parts would look like one imported twice.
 */
export async function* exportParts(pieces: TextPieces, limits: PartLimits = PART_LIMITS): AsyncGenerator<string> {
  let header = '';
  let lines: string[] = [];
  let chars = 0;
  let lastTime: string | undefined;
  for await (const item of rawItems(pieces)) {
    if ('whole' in item) yield item.whole;
    else if ('header' in item) header = item.header;
    else {
      const time = eventTime(item.line);
      const full = chars + item.line.length > limits.chars || lines.length >= limits.records;
      const together = time !== undefined && time === lastTime && chars + item.line.length <= 4 * limits.chars;
      if (lines.length && full && !together) {
        yield `${header}\n${lines.join('\n')}\n`;
        lines = [];
        chars = 0;
      }
      lines.push(item.line);
      chars += item.line.length + 1;
      lastTime = time;
    }
  }
  if (lines.length) yield `${header}\n${lines.join('\n')}\n`;
}
