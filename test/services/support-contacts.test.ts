import { describe, expect, it } from 'vitest';
import { checkContact } from '../../src/services/support-contacts-service';

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

  it('accepts right-to-left names and emoji', () => {
    expect(checkContact('سارا 🌙', '', '')).toEqual({});
  });
});
