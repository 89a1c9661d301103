/**
 * A way for bundle files to travel without a person carrying them (issue 14). Every
 * transport only moves bytes: what arrives goes through the same verification, dry run and
 * all-or-nothing import as a file chosen by hand (core/sync/importBundle.ts).
 */
export interface TransportFile {
  name: string;
  bytes: Uint8Array;
}

/** One bundle (whole or in parts) on its way to an office. */
export interface Outgoing {
  to: string;
  bundleId: string;
  seq: number;
  files: TransportFile[];
}

/** Something that arrived; `key` names it to the transport when it is marked handled. */
export interface Arrival {
  key: string;
  files: TransportFile[];
}

export interface Transport {
  readonly id: string;
  readonly type: 'folder' | 'email';
  /** Can this transport reach that office at all (an address known, a folder shared)? */
  reaches(office: string): boolean;
  /** Hands the files over; resolves only once they are durably out of our hands. */
  send(out: Outgoing): Promise<void>;
  /** What is waiting for us now. Never removes anything. */
  receive(): Promise<Arrival[]>;
  /** The arrival was imported, was a duplicate, or was set aside for a person. */
  handled(key: string): Promise<void>;
  /** "Kiểm tra kết nối": reaches the folder (and may write there) or the servers (and logs in). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** A failure to reach the other end (as opposed to a refusal): worth retrying later. */
export class TransportUnreachable extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}
