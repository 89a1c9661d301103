import { HostInitSchema, type PortLike } from './messages';
import { serveCore } from './serve';

/**
 * Entry of the core's utility process (dist/electron/coreHost.cjs), forked by Electron's main
 * process. Main sends one 'init' message with a MessagePort; everything else goes over it.
 */
process.parentPort.once('message', (e) => {
  const init = HostInitSchema.safeParse(e.data);
  const port = e.ports[0] as PortLike | undefined;
  if (!init.success || !port) {
    process.exit(2);
    return;
  }
  serveCore(port, init.data, {
    // The WAL is flushed and the lock released: end the process so nothing lingers.
    onClosed: () => setTimeout(() => process.exit(0), 50),
  });
});
