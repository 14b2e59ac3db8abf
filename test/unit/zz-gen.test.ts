import { it } from 'vitest';
import { cachedStore } from '../bench/generate';
it('gen', () => { const c = cachedStore('district', 20261128); console.log(JSON.stringify(c)); }, 3_600_000);
