/** The URL of `database` on the server at `serverUrl` (whose own path, if any, is replaced). */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
