import { stripMarks } from '../../electron/domain/text';

/**
 * "Đơn vị trao đổi" as a person types it: one office per line (or separated by ";"), its code
 * and mailbox joined by "=", ":" or spaces. The code is written the way the office's name reads
 * without marks ("Văn Quan", "van quan", "VANQUAN" all give VANQUAN), because officers copy the
 * list from a letter, not from the app. Lines that are not "code + mailbox" are returned as bad,
 * so the form can say which one instead of dropping it silently.
 */
export interface ParsedPeers {
  peers: Record<string, string>;
  bad: string[];
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const CODE = /^[A-Z0-9_-]{2,32}$/;

export function parsePeers(text: string): ParsedPeers {
  const peers: Record<string, string> = {};
  const bad: string[] = [];
  for (const raw of text.split(/[\r\n;]+/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(.*?)\s*(?:[=:]|\s)\s*<?([^\s<>]+@[^\s<>]+?)>?$/.exec(line);
    const code = m ? stripMarks(m[1] ?? '').replace(/\s+/g, '').toUpperCase() : '';
    const address = m?.[2] ?? '';
    if (!CODE.test(code) || !ADDRESS.test(address)) bad.push(line);
    else peers[code] = address;
  }
  return { peers, bad };
}
