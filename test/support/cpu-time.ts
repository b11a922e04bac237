/**
 * CPU milliseconds this process spent since `start` (from `process.cpuUsage()`).
 * The hang guards of the robustness suites use CPU time, not wall time: the suite
 * shares two cores with the browser tests, and time spent waiting for a core is
 * not the engine's.
 */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
