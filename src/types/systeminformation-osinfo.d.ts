// Types for the one systeminformation module rsaudit loads (see src/collect/os-identity.ts).
declare module 'systeminformation/lib/osinfo.js' {
  import type {Systeminformation} from 'systeminformation'

  export function osInfo(): Promise<Systeminformation.OsData>
}
