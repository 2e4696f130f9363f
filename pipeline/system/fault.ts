// Fail points for the fault tests: with KAS_FAULT=<name> in the environment, the process kills
// itself (SIGKILL, no clean-up) when it reaches that point, so tests can hit the narrow windows of a
// run — between the database commit and the switch, between the two renames — every time.
export function faultPoint(name: string): void {
  if (process.env.KAS_FAULT === name) process.kill(process.pid, "SIGKILL");
}
