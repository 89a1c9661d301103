import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * The passphrase that unlocks the data key (core/atRest): SOVIEC_PASSPHRASE when set (scripts,
 * tests), otherwise asked on the terminal without echo. Undefined when there is no terminal to
 * ask: the core then refuses with DATA_KEY_MISSING and a sentence naming the variable.
 */
export async function passphraseForCli(): Promise<string | undefined> {
  const fromEnv = process.env.SOVIEC_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  // readline writes the prompt, then echoes what is typed: the prompt goes through, the rest not.
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.question('Mật khẩu khoá dữ liệu (SOVIEC_PASSPHRASE): ', (answer) => resolve(answer));
      muted = true;
    });
  } finally {
    process.stderr.write('\n');
    rl.close();
  }
}
