/** A TCP connection attempt made from inside a probe namespace, with a time limit. */
import type {ConnectOutcome} from '../../probe/vip-path-verdict.js'
import type {ProbeNamespace} from './probe-namespace.js'
import {ProbeError, runProgram} from './run.js'

const STEP_TIMEOUT_MS = 5000
export const CONNECT_TIMEOUT_MS = 3000

/**
 * Connects from inside the namespace with a small node program (node is the one runtime known
 * to be present) and reads its verdict from stdout. Once connected it closes politely (reads
 * what the server sends, then FIN) rather than resetting: the server is a production one, and a
 * reset can make it log errors (or, in a careless one, crash).
 */
const CONNECT_SCRIPT = `
  const [host, port, timeout] = process.argv.slice(1)
  const done = (result) => { process.stdout.write(JSON.stringify(result) + '\\n'); process.exit(0) }
  const socket = require('node:net').connect({host, port: Number(port)})
  socket.setTimeout(Number(timeout), () => done({connected: false, code: 'ETIMEDOUT', detail: 'no answer within ' + timeout + ' ms'}))
  socket.on('connect', () => {
    socket.setTimeout(0)
    socket.on('close', () => done({connected: true})).resume().end()
    setTimeout(() => done({connected: true}), 1000)
  })
  socket.on('error', (e) => done({connected: false, code: e.code || 'ERROR', detail: e.message}))`

export async function connectFromNamespace(ns: ProbeNamespace, vip: string, port: number): Promise<ConnectOutcome> {
  const argv: [string, ...string[]] = [...(ns.exec as [string, ...string[]]), process.execPath, '-e', CONNECT_SCRIPT, vip, String(port), String(CONNECT_TIMEOUT_MS)]
  const capture = await runProgram('connect', argv, CONNECT_TIMEOUT_MS + STEP_TIMEOUT_MS)
  try {
    return JSON.parse(capture.stdout) as ConnectOutcome
  } catch {
    throw new ProbeError(`the connection attempt did not report: ${capture.failure?.detail ?? capture.stderr.trim()}`)
  }
}
