/**
 * The bridge object the page sees as `window.teamchef`: one function per contract method.
 * Self-contained on purpose (no imports, no closures over module state) so the browser test
 * harness can install the very same function in a page via its source text.
 */
export function createBridge(
  methods: readonly string[],
  transport: (method: string, payload: unknown) => Promise<unknown>,
): Record<string, (payload?: unknown) => Promise<unknown>> {
  const bridge = Object.create(null) as Record<string, (payload?: unknown) => Promise<unknown>>;
  for (const name of methods) {
    bridge[name] = (payload?: unknown) => transport(name, payload);
  }
  return Object.freeze(bridge);
}

export const BRIDGE_GLOBAL = 'teamchef';
export const IPC_CHANNEL = 'teamchef:api';
