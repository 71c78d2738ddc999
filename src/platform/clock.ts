/** Where "now" comes from. Only main.ts passes the system clock; tests pass fixed dates. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function fixedClock(iso: string | Date): Clock {
  const t = new Date(iso).getTime();
  return () => new Date(t);
}
