import { describe, expect, it } from 'vitest';
import { readStep, withStep } from '../../src/ui/lessons/step-link.ts';

describe('lesson step links', () => {
  it('reads the step of a lesson link', () => {
    expect(readStep('#/lessons/masking?step=mask-key')).toEqual({ kind: 'step', id: 'mask-key' });
    expect(readStep('#/lessons/masking?embed=1&step=mask-key&theme=dark')).toEqual({
      kind: 'step',
      id: 'mask-key',
    });
    expect(readStep('#/lessons/masking')).toEqual({ kind: 'none' });
    expect(readStep('#/lessons/masking?step=')).toEqual({ kind: 'none' });
  });

  it('names a step that cannot be an exercise id instead of using it', () => {
    expect(readStep('#/lessons/masking?step=%3Cscript%3E')).toEqual({ kind: 'bad', value: '<script>' });
    expect(readStep('#/lessons/masking?step=%ZZ')).toEqual({ kind: 'bad', value: '%ZZ' });
    const long = 'a'.repeat(500);
    expect(readStep(`#/lessons/masking?step=${long}`)).toEqual({ kind: 'bad', value: 'a'.repeat(40) });
  });

  it('writes the step and keeps every other parameter', () => {
    expect(withStep('#/lessons/masking', 'mask-key')).toBe('#/lessons/masking?step=mask-key');
    expect(withStep('#/lessons/masking?embed=1&step=old&theme=dark', 'new')).toBe(
      '#/lessons/masking?embed=1&theme=dark&step=new',
    );
    expect(withStep('#/lessons/masking?step=old', null)).toBe('#/lessons/masking');
  });
});
