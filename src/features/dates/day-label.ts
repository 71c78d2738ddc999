const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A day as readers see it: "18 July 2023"; null for no date. */
export function dayLabel(d: Date | null | undefined): string | null {
  return d ? dayFormat.format(d) : null;
}
