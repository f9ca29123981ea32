// Types for the part of the `ping` package (0.4.x) rsaudit uses (see src/collect/probe/ping.ts).
declare module 'ping' {
  export interface PingConfig {
    numeric?: boolean
    /** -W: seconds to wait for each reply. */
    timeout?: number
    /** -w: seconds before ping exits whatever happened. */
    deadline?: number
    /** -c: number of echo requests. */
    min_reply?: number
    v6?: boolean
    extra?: string[]
  }

  /** Numbers come back as text with three decimals ("0.166"), or 'unknown' when ping did not print them. */
  export interface PingResponse {
    inputHost: string
    host: string
    numeric_host?: string
    alive: boolean
    output: string
    time: number | 'unknown'
    times: number[]
    min: string
    max: string
    avg: string
    stddev: string
    packetLoss: string
  }

  const ping: {promise: {probe(address: string, config?: PingConfig): Promise<PingResponse>}}
  export default ping
}
