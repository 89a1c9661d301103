// Runs in the stand-in utility process (a real Node child process): gives the core host the
// `process.parentPort` Electron gives a utility process, with one MessagePort-like object
// whose messages travel over the child's IPC channel (structured clone, 'advanced').
const portListeners = [];
const port = {
  on: (_event, listener) => portListeners.push(listener),
  postMessage: (data) => process.send({ kind: 'port', data }),
  start: () => {},
  close: () => {},
};
const parentListeners = [];
process.parentPort = {
  on: (_event, listener) => parentListeners.push({ listener, once: false }),
  once: (_event, listener) => parentListeners.push({ listener, once: true }),
  postMessage: (data) => process.send({ kind: 'parent', data }),
};
process.on('message', (m) => {
  if (m.kind === 'init') {
    for (const l of parentListeners.splice(0)) {
      l.listener({ data: m.message, ports: m.withPort ? [port] : [] });
      if (!l.once) parentListeners.push(l);
    }
  } else if (m.kind === 'port') {
    for (const l of portListeners) l({ data: m.data });
  }
});
require(process.argv[2]);
