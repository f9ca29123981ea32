/**
 * The real servers' HTTP service: a few lines of Node run inside the namespace, answering every
 * request with the server's name so the client can tell WHICH server answered through the VIP.
 */
import {spawn} from 'node:child_process'
import {setTimeout as sleep} from 'node:timers/promises'

import {inNamespace, LabError, run} from './exec.js'
import {PORT} from './topology.js'

// argv[1] = bind address, argv[2] = port, argv[3] = name to answer with. No shell is involved.
const SERVER_SOURCE = `
const [address, port, name] = process.argv.slice(1)
require('node:http').createServer((req, res) => res.end(name + '\\n')).listen(Number(port), address)
`

/** Starts the service bound to `address` (0.0.0.0, the RIP or the VIP) and waits until it listens. */
export async function startHttpService(ns: string, address: string, name: string): Promise<void> {
  const child = spawn('ip', inNamespace(ns, ['node', '-e', SERVER_SOURCE, address, String(PORT), name]).slice(1), {detached: true, stdio: 'ignore'})
  child.unref()
  for (let attempt = 0; attempt < 100; attempt++) {
    const {stdout} = await run(inNamespace(ns, ['ss', '-Hltn', `sport = :${PORT}`]))
    if (stdout.includes(`${address}:${PORT}`)) return
    await sleep(30)
  }
  throw new LabError(`the HTTP service in ${ns} did not start listening on ${address}:${PORT}`)
}

/** Kills every process inside the namespace (the lab starts nothing there but the service). */
export async function stopProcesses(ns: string): Promise<void> {
  const {stdout} = await run(['ip', 'netns', 'pids', ns])
  for (const pid of stdout.split('\n').map(Number).filter((n) => Number.isSafeInteger(n) && n > 0)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    if ((await run(['ip', 'netns', 'pids', ns])).stdout.trim() === '') return
    await sleep(20)
  }
}
