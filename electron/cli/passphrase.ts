import { createInterface } from 'node:readline';

/**
 * The passphrase that unlocks the data key (core/atRest): SOVIEC_PASSPHRASE when set (scripts,
 * tests), otherwise asked on the terminal without echo. Undefined when there is no terminal to
 * ask: the core then refuses with DATA_KEY_MISSING and a sentence naming the variable.
 */
export async function passphraseForCli(): Promise<string | undefined> {
  const fromEnv = process.env.SOVIEC_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Nothing typed is echoed: readline writes through this hook.
  const hidden = rl as unknown as { _writeToOutput: (s: string) => void };
  let prompted = false;
  hidden._writeToOutput = (s: string) => {
    if (!prompted) process.stderr.write(s);
  };
  try {
    return await new Promise<string>((resolve) => {
      rl.question('Mật khẩu khoá dữ liệu (SOVIEC_PASSPHRASE): ', (answer) => resolve(answer));
      prompted = true;
    });
  } finally {
    process.stderr.write('\n');
    rl.close();
  }
}
