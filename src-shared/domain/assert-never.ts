// Exhaustiveness guard for switches over unions: a new status, role or action that a switch does
// not handle becomes a compile error here instead of a silent fall-through at run time.

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
