import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error -- plain ESM build script
import { generateKatexAssets } from '../scripts/gen-katex-assets.mjs';

it('the generated KaTeX styles and font table match the installed KaTeX', () => {
  const { styles, fontModule } = generateKatexAssets() as { styles: string; fontModule: string };
  expect(readFileSync('components/katex/katex-styles.generated.ts', 'utf8')).toBe(styles);
  expect(readFileSync('components/katex/katex-fonts.generated.ts', 'utf8')).toBe(fontModule);
  expect(styles).not.toContain('@font-face');
});
