import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    disableConsoleIntercept: true,
    // Live network-namespace tests share kernel state; keep files isolated but not parallel.
    fileParallelism: true,
    testTimeout: 20_000,
  },
})
