import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Json } from '../../src/view/example-body';
import { escapeHtml, fillSkeleton, skeletonOf } from '../../src/view/json-skeleton';

const identity = (text: string) => text;

describe('JSON skeletons', () => {
  test('bodies of the same shape share a skeleton, and filling it gives each body back', () => {
    const a = { status: 404, errors: [{ code: '1101', message: 'Customer cus_1 not found.' }] };
    const b = { status: 409, errors: [{ code: '1205', message: 'Charge "ch_9" <already> captured & settled.' }] };
    expect(skeletonOf(a).text).toBe(skeletonOf(b).text);
    for (const body of [a, b]) {
      const { text, values } = skeletonOf(body);
      expect(fillSkeleton(text, values, identity)).toBe(JSON.stringify(body, null, 2));
    }
  });

  test('values filled into HTML are escaped, so catalog text never becomes markup', () => {
    const { text, values } = skeletonOf({ message: '<img src=x onerror=alert(1)> & "quotes"' });
    const html = `<pre><span class="s">${escapeHtml(text)}</span></pre>`;
    expect(fillSkeleton(html, values)).toBe(
      '<pre><span class="s">{\n  &quot;message&quot;: &quot;&lt;img src=x onerror=alert(1)&gt; &amp; \\&quot;quotes\\&quot;&quot;\n}</span></pre>',
    );
  });

  test('any JSON body survives the round trip through its skeleton', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const body = JSON.parse(JSON.stringify(value)) as Json;
        const { text, values } = skeletonOf(body);
        expect(fillSkeleton(text, values, identity)).toBe(JSON.stringify(body, null, 2));
      }),
      { numRuns: 300 },
    );
  });
});
