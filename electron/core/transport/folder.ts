import { watch, type FSWatcher, promises as fs } from 'node:fs';
import path from 'node:path';
import { BUNDLE_FILE_NAME } from '../bundles';
import { writeFileDurable } from '../store/durableFile';
import { TransportUnreachable, type Arrival, type Outgoing, type Transport } from './types';

/**
 * A shared folder (network share, cloud-synced folder, USB stick): <root>/<OFFICE>/ holds
 * the files on their way to that office. A file is written under a hidden temporary name,
 * flushed and renamed, so a reader never picks up half a file; the reader moves what it has
 * handled into <root>/<OFFICE>/da-nhap/ (kept: a person can still see what came).
 */
export const HANDLED_DIR = 'da-nhap';

export interface FolderTransportOptions {
  id: string;
  root: string;
  /** This office: its box is read. */
  office: string;
  /**
   * Our codes of earlier trees (SO for the Sở Nội vụ): a district office that could not move
   * still writes to <root>/SO, so those boxes are read too. Not watched: the own box's poll
   * runs the whole receive.
   */
  formerOffices?: readonly string[];
}

export function createFolderTransport(opts: FolderTransportOptions): Transport & { inbox: string } {
  const boxOf = (office: string): string => path.join(opts.root, office);
  const inbox = boxOf(opts.office);
  const reachable = async (): Promise<void> => {
    try {
      const st = await fs.stat(opts.root);
      if (!st.isDirectory()) throw new Error('not a folder');
    } catch (e) {
      // A share that is not mounted, a USB stick not plugged in: try again later.
      throw new TransportUnreachable(`folder ${opts.root} not reachable`, (e as NodeJS.ErrnoException).code ?? 'ENOTDIR');
    }
  };
  return {
    id: opts.id,
    type: 'folder',
    inbox,
    reaches: () => true,
    async send(out: Outgoing) {
      await reachable();
      const dir = boxOf(out.to);
      await fs.mkdir(dir, { recursive: true });
      for (const f of out.files) await writeFileDurable(path.join(dir, f.name), f.bytes);
    },
    async receive() {
      await reachable();
      const out: Arrival[] = [];
      for (const office of [opts.office, ...(opts.formerOffices ?? [])]) {
        const box = boxOf(office);
        let names: string[];
        try {
          names = await fs.readdir(box);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw e;
        }
        for (const n of names.filter((x) => BUNDLE_FILE_NAME.test(x)).sort()) {
          try {
            // The key names the box: a file of a former box is moved to that box's da-nhap/.
            out.push({ key: office === opts.office ? n : `${office}/${n}`, files: [{ name: n, bytes: await fs.readFile(path.join(box, n)) }] });
          } catch {
            // Taken by another reader meanwhile, or still being copied by a sync client.
          }
        }
      }
      return out;
    },
    async handled(key: string) {
      const slash = key.indexOf('/');
      const office = slash > 0 ? key.slice(0, slash) : opts.office;
      const name = slash > 0 ? key.slice(slash + 1) : key;
      // Only our own boxes, and only a plain file name: a key is never a path of its own.
      if (!(office === opts.office || (opts.formerOffices ?? []).includes(office)) || name.includes('/') || name.includes('\\')) return;
      const box = boxOf(office);
      const done = path.join(box, HANDLED_DIR);
      await fs.mkdir(done, { recursive: true });
      await fs.rename(path.join(box, name), path.join(done, name)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    },
    async check() {
      await reachable();
      // Reading is not enough: the other side must find what we write.
      const probe = path.join(opts.root, `.soviec-check-${process.pid}-${Date.now()}`);
      await fs.writeFile(probe, 'ok');
      await fs.rm(probe, { force: true });
    },
    close: async () => undefined,
  };
}

/**
 * Calls `onChange` when something may have arrived: fs.watch where the OS reports changes,
 * and a poll in any case, since network drives and cloud folders often report nothing.
 * Returns the function that stops watching.
 */
export function watchFolder(dir: string, pollMs: number, onChange: () => void): () => void {
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, () => onChange());
    watcher.on('error', () => {
      watcher?.close();
      watcher = null;
    });
  } catch {
    watcher = null;
  }
  const timer = setInterval(onChange, pollMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    watcher?.close();
  };
}
