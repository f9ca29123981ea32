/** Runs the built CLI (bin/run.js) as a user would: a separate process, argv array, no shell. */
import {execFile} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export const CLI = fileURLToPath(new URL('../../bin/run.js', import.meta.url))

export interface CliResult {
  stdout: string
  stderr: string
  exitCode: number
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile('node', [CLI, ...args], {timeout: 30_000, env: {...process.env, NO_COLOR: '1', ...env}}, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(error)
        return
      }

      resolve({stdout, stderr, exitCode: typeof error?.code === 'number' ? error.code : 0})
    })
  })
}
