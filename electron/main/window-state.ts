import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface WindowSizeDefaults {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** Position is left to the system (centred) when there is nothing sensible to restore. */
export type RestoredBounds = { width: number; height: number; x?: number; y?: number; maximized: boolean };

export const WINDOW_STATE_FILE = 'window-state.json';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1_000_000;

/** Reads the saved state; anything damaged, foreign or absurd counts as nothing saved. */
export function parseWindowState(text: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const { bounds, maximized } = raw as { bounds?: Partial<Rect>; maximized?: unknown };
  if (!bounds || typeof bounds !== 'object' || typeof maximized !== 'boolean') return null;
  const { x, y, width, height } = bounds;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height) || width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized };
}

const overlap = (a: Rect, b: Rect): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(max, value));

/**
 * Where the window opens: the saved bounds, moved and shrunk so the whole window lies on the
 * display it mostly was on (work areas, so never under a taskbar). When that display is gone
 * (a laptop off its docking station), the saved size is used centred on the primary display.
 * `workAreas[0]` is the primary display.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[], defaults: WindowSizeDefaults): RestoredBounds {
  const primary = workAreas[0];
  const fit = (width: number, height: number, area: Rect | undefined) => ({
    width: area ? clamp(width, Math.min(defaults.minWidth, area.width), area.width) : Math.max(width, defaults.minWidth),
    height: area ? clamp(height, Math.min(defaults.minHeight, area.height), area.height) : Math.max(height, defaults.minHeight),
  });
  if (!saved) return { ...fit(defaults.width, defaults.height, primary), maximized: false };

  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const o = overlap(saved.bounds, area);
    if (o > bestOverlap) {
      best = area;
      bestOverlap = o;
    }
  }
  if (!best) return { ...fit(saved.bounds.width, saved.bounds.height, primary), maximized: saved.maximized };

  const size = fit(saved.bounds.width, saved.bounds.height, best);
  return {
    ...size,
    x: clamp(saved.bounds.x, best.x, best.x + best.width - size.width),
    y: clamp(saved.bounds.y, best.y, best.y + best.height - size.height),
    maximized: saved.maximized,
  };
}

export function loadWindowState(dataDir: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** Written next to the store; replaced in one step so a crash never leaves half a file. */
export function saveWindowState(dataDir: string, state: WindowState): void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`);
  renameSync(tmp, file);
}
