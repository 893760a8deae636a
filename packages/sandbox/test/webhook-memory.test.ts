/**
 * bench/webhook-memory.mjs at a smaller scale, as its own process (the built dist/, `--expose-gc`):
 * 600 webhook events with 20 kB bodies, delivered over loopback to a real receiver. Without the log
 * cap the log alone holds 13 MB more heap after them (measured: 12.9 MB); with `logSize` 20, 1 MB.
 * The heap is asserted, not RSS: at this scale RSS moves by tens of MB with the allocator's mood
 * (+37 MB capped and +39 MB uncapped in two runs here), while the full 100k run checks RSS itself.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bench = fileURLToPath(new URL('../bench/webhook-memory.mjs', import.meta.url));

describe('memory under webhook load', () => {
  it('600 events of 20 kB: every one delivered, the log capped, the heap within +6 MB', async () => {
    const env = { ...process.env, BENCH_JSON: '1', BENCH_MAX_GROWTH_MB: 'Infinity', BENCH_EVENTS: '600', BENCH_PAYOUTS_PER_REQUEST: '25', BENCH_METADATA_BYTES: '20000', BENCH_LOG_SIZE: '20' };
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--expose-gc', bench], { env, timeout: 150_000 }, (error, out, err) => {
        // Exit code 1 is the bench's own verdict: the figures below say which bound broke.
        if (error && error.code !== 1) reject(new Error(`${error.message}\n${err}`));
        else resolve(out);
      });
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(result.delivered).toBe(result.events);
    expect(result.events).toBeGreaterThanOrEqual(600);
    expect(result.failed).toBe(0);
    expect(result.heapGrowthMB).toBeLessThan(6);
    expect(result.logKept).toBe(20);
    expect(result.logDropped).toBeGreaterThan(result.events);
  }, 180_000);
});
