/** Is the configured model host reachable? A short HEAD request, bounded in time. Node only. */
export const DEFAULT_MODEL_HOST = 'https://huggingface.co';

export async function checkModelHost(url = process.env.SPATIALLENS_MODEL_HOST || DEFAULT_MODEL_HOST, timeoutMs = 5000): Promise<{ url: string; reachable: boolean; reason: string }> {
  try {
    const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return { url, reachable: res.status < 500, reason: `HTTP ${res.status}` };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return { url, reachable: false, reason: cause ?? (e as Error).name };
  }
}
