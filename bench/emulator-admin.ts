/**
 * The emulator's dashboard routes (`/__emulator/…`), as the benchmarks drive them: the business
 * books, moves and cancels, and points its webhook. Any answer but 200 stops the benchmark.
 */
export function emulatorAdmin(apiUrl: string) {
  const base = apiUrl.replace(/\/api$/, "/__emulator");
  return {
    base,
    async post<T = unknown>(path: string, body: unknown): Promise<T> {
      const res = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
