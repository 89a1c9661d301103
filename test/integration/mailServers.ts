import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * Real mail servers on 127.0.0.1 for the transport tests, started as the current user with
 * their configuration in a temporary folder:
 *   - Dovecot (Debian dovecot-imapd) for IMAP, users in a passwd-file, Maildir under the
 *     temporary folder, no TLS (loopback only);
 *   - an SMTP server (nodemailer's smtp-server) that checks the same passwords and hands each
 *     mail to dovecot-lda (Debian dovecot-core), answering 250 only once Dovecot stored it.
 * `cutSmtp` makes the SMTP server drop connections in the middle of DATA, `killImap` and
 * `startImap` stop and restart Dovecot: the network-drop tests.
 */
const DOVECOT = '/usr/sbin/dovecot';
const LDA = '/usr/lib/dovecot/dovecot-lda';

/** Why the mail tests cannot run here, or null when they can. */
export function mailServersMissing(): string | null {
  if (!existsSync(DOVECOT)) return `${DOVECOT} missing (Debian package dovecot-imapd)`;
  if (!existsSync(LDA)) return `${LDA} missing (Debian package dovecot-core)`;
  if (process.getuid?.() !== 0) return 'Dovecot test setup runs as root (mail stored as the dovecot user)';
  if (spawnSync('id', ['dovecot']).status !== 0 || spawnSync('id', ['dovenull']).status !== 0) return 'system users dovecot/dovenull missing (Debian package dovecot-core)';
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.destroy();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`port ${port} did not open`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface MailServers {
  imapPort: number;
  smtpPort: number;
  dir: string;
  /** Drop the next `n` SMTP connections in the middle of their DATA. */
  cutSmtp(n: number): void;
  /** Mails stored by Dovecot, by user. */
  delivered: Map<string, number>;
  killImap(): Promise<void>;
  startImap(): Promise<void>;
  stop(): Promise<void>;
}

export async function startMailServers(users: Record<string, string>): Promise<MailServers> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-mail-'));
  // Dovecot's login processes (dovenull) must reach base_dir; mail is stored as dovecot.
  chmodSync(dir, 0o755);
  const mail = path.join(dir, 'mail');
  mkdirSync(mail);
  const dovecotUid = Number(spawnSync('id', ['-u', 'dovecot']).stdout.toString().trim());
  const dovecotGid = Number(spawnSync('id', ['-g', 'dovecot']).stdout.toString().trim());
  chownSync(mail, dovecotUid, dovecotGid);
  const passwd = path.join(dir, 'passwd');
  writeFileSync(passwd, Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}\n`).join(''), { mode: 0o640 });
  // Read by Dovecot's auth worker, which runs as the dovecot user.
  chownSync(passwd, 0, dovecotGid);
  const imapPort = await freePort();
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
mail_location = maildir:${mail}/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${passwd}
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${mail}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  let dovecot: ChildProcess | null = null;
  const startImap = async (): Promise<void> => {
    dovecot = spawn(DOVECOT, ['-F', '-c', conf], { stdio: 'ignore' });
    await waitForPort(imapPort);
  };
  const killImap = async (): Promise<void> => {
    const d = dovecot;
    dovecot = null;
    if (!d || d.exitCode !== null) return;
    const gone = new Promise((r) => d.once('exit', r));
    // The master and its children: a crash, not a clean shutdown.
    spawnSync('pkill', ['-KILL', '-P', String(d.pid)]);
    d.kill('SIGKILL');
    await gone;
    rmSync(path.join(dir, 'run', 'master.pid'), { force: true });
  };
  await startImap();

  const delivered = new Map<string, number>();
  let cuts = 0;
  const smtpPort = await freePort();
  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    size: 50 * 1024 * 1024,
    onAuth(auth, _session, cb) {
      if (auth.username && users[auth.username] === auth.password) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      if (cuts > 0) {
        cuts--;
        // The network drops in the middle of the mail: the client never gets an answer.
        stream.once('data', () => {
          for (const c of (smtp as unknown as { connections: Set<{ _socket: net.Socket }> }).connections) c._socket.destroy();
        });
        stream.resume();
        return;
      }
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const message = Buffer.concat(chunks);
        const rcpts = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        let left = rcpts.length;
        let failed: Error | null = null;
        for (const to of rcpts) {
          const lda = spawn(LDA, ['-c', conf, '-d', to, '-f', from], { stdio: ['pipe', 'ignore', 'pipe'] });
          let err = '';
          lda.stderr.on('data', (d: Buffer) => (err += d.toString()));
          lda.on('exit', (code) => {
            if (code === 0) delivered.set(to, (delivered.get(to) ?? 0) + 1);
            else failed = new Error(`dovecot-lda ${code}: ${err}`);
            if (--left === 0) cb(failed);
          });
          lda.stdin.end(message);
        }
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  return {
    imapPort,
    smtpPort,
    dir,
    delivered,
    cutSmtp: (n) => void (cuts = n),
    killImap,
    startImap,
    stop: async () => {
      await new Promise<void>((r) => smtp.close(() => r()));
      await killImap();
      // Dovecot's child processes may still be closing their logs and indexes for a moment after
      // the master exits: retry, and never fail a finished test over a temporary folder.
      if (!process.env['SOVIEC_KEEP_MAIL']) {
        try {
          rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
        } catch (e) {
          console.warn(`mail test folder ${dir} left behind: ${String(e)}`);
        }
      }
    },
  };
}

/** Dovecot's log, for a failing test's message. */
export function dovecotLog(s: MailServers): string {
  try {
    return readFileSync(path.join(s.dir, 'dovecot.log'), 'utf8');
  } catch {
    return '';
  }
}
