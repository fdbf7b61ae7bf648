/** Half-open spans [start, end) of a text or a stream, sorted by start and not overlapping. */
export type SpanLike = { readonly start: number; readonly end: number };

/** The index of the span containing `at`, by binary search; -1 if none. */
export const spanIndexAt = (spans: readonly SpanLike[], at: number): number => {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
};
