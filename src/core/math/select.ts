/**
 * The k-th smallest value (0-based) of `a`, as `Float64Array.from(a).sort()[k]` would give it, in linear
 * expected time: quickselect (Hoare partition, median-of-three pivot) that reorders `a` in place. A median
 * or a percentile of a few thousand depths per object was a full sort, 8% of the geometry's time.
 * NaN sorts last, as in a typed array's sort. A range that stops shrinking is sorted instead, so adversarial
 * orders stay O(n log n).
 */
export function selectKth(a: Float64Array, k: number): number {
  const n = a.length;
  if (!(k >= 0 && k < n)) return NaN;
  // NaNs to the end, where the typed sort puts them
  let m = n;
  for (let i = 0; i < m; i++) {
    if (a[i] !== a[i]) { m--; const t = a[i]; a[i] = a[m]; a[m] = t; i--; }
  }
  if (k >= m) return NaN;
  let lo = 0, hi = m - 1;
  let budget = 2 * Math.ceil(Math.log2(m + 1)) + 8;
  while (hi > lo) {
    if (budget-- <= 0) {
      const part = a.subarray(lo, hi + 1).sort();
      return part[k - lo];
    }
    const mid = (lo + hi) >> 1;
    // median of three to a[mid]
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { swap(a, i, j); i++; j--; }
    }
    // [lo, j] <= pivot, [i, hi] >= pivot, (j, i) == pivot
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]; a[i] = a[j]; a[j] = t;
}
