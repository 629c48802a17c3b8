/** A small dot plot: one dot per guess, a line at the answer, a tick at the median. */
export function GuessSpread({ values, names, truth, unit }: { values: number[]; names: string[]; truth: number; unit: string }) {
  if (!values.length) return null;
  const W = 480, H = 70, pad = 24;
  const lo = Math.min(truth, ...values), hi = Math.max(truth, ...values);
  const span = hi - lo || Math.max(1e-6, Math.abs(truth) * 0.2 || 1);
  const x = (v: number) => pad + ((v - lo + (hi - lo ? 0 : span / 2)) / span) * (W - 2 * pad);
  // Equal guesses stack upwards instead of hiding each other.
  const seen = new Map<number, number>();
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[(sorted.length >> 1) - 1] + sorted[sorted.length >> 1]) / 2;
  return (
    <svg className="guess-plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Dot plot of ${values.length} guesses against the answer`} data-testid="guess-plot">
      <line x1={pad} x2={W - pad} y1={H - 18} y2={H - 18} stroke="#fff" strokeWidth={1} />
      <line x1={x(truth)} x2={x(truth)} y1={6} y2={H - 12} stroke="#ffd166" strokeWidth={3} />
      <text x={x(truth)} y={H - 2} fill="#ffd166" fontSize={12} textAnchor="middle">answer</text>
      <line x1={x(median)} x2={x(median)} y1={H - 26} y2={H - 10} stroke="#4cc2ff" strokeWidth={2} />
      {values.map((v, i) => {
        const px = Math.round(x(v));
        const n = seen.get(px) ?? 0;
        seen.set(px, n + 1);
        return (
          <circle key={i} className="guess-dot" cx={px} cy={H - 26 - n * 10} r={5} fill="#4cc2ff" stroke="#000">
            <title>{`${names[i]}: ${v.toFixed(2)} ${unit}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}
