import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callHref, checkContact } from '../../src/services/support-contacts-service';

describe('checkContact', () => {
  it('accepts a name alone, and a name with a number and a note', () => {
    expect(checkContact('Ana', '', '')).toEqual({});
    expect(checkContact('Ana', '+1 (555) 010-0199', 'mornings')).toEqual({});
  });

  it('names every field that is wrong', () => {
    expect(checkContact('  ', 'ring me', 'x'.repeat(201))).toEqual({
      name: 'Add a name, so you know who this is.',
      phone: 'Use only digits, spaces and + ( ) - in the number.',
      note: 'Keep the note to 200 characters.',
    });
  });

  it('refuses a phone that is a link of any kind', () => {
    for (const phone of ['javascript:alert(1)', 'tel:123', 'data:text/html,hi', '555.0100\n']) {
      expect(checkContact('Ana', phone, '')).toEqual({ phone: 'Use only digits, spaces and + ( ) - in the number.' });
    }
  });

  it('accepts right-to-left names and emoji', () => {
    expect(checkContact('سارا 🌙', '', '')).toEqual({});
  });
});

describe('callHref', () => {
  it('calls the number’s digits, keeping a leading +', () => {
    expect(callHref('+44 (0)20 7946 0000')).toBe('tel:+4402079460000');
    expect(callHref('555-0100')).toBe('tel:5550100');
  });

  it('makes no link of a phone that breaks the rules, or has no digits', () => {
    expect(callHref('javascript:alert(document.domain)')).toBeUndefined();
    expect(callHref('')).toBeUndefined();
    expect(callHref('( ) -')).toBeUndefined();
  });

  it('never makes anything but a tel: link of digits, whatever the stored phone holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^[0-9+()\- a-z:/]{0,50}$/u)), (phone) => {
        const href = callHref(phone);
        if (href !== undefined) expect(href).toMatch(/^tel:\+?\d+$/u);
      }),
      { numRuns: 2000 },
    );
  });
});
