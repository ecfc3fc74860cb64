import { describe, expect, it } from 'vitest';
import { needsIosInstructions } from '../../src/services/ios-install';

const iPhone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const iPadOS = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';

describe('install instructions for iOS', () => {
  it('are shown on an iPhone, and on an iPad that presents itself as a Mac', () => {
    expect(needsIosInstructions({ userAgent: iPhone, maxTouchPoints: 5, standalone: false })).toBe(true);
    expect(needsIosInstructions({ userAgent: iPadOS, maxTouchPoints: 5, standalone: false })).toBe(true);
  });

  it('are not shown once installed, on a real Mac, or on Android', () => {
    expect(needsIosInstructions({ userAgent: iPhone, maxTouchPoints: 5, standalone: true })).toBe(false);
    expect(needsIosInstructions({ userAgent: iPadOS, maxTouchPoints: 0, standalone: false })).toBe(false);
    expect(needsIosInstructions({ userAgent: android, maxTouchPoints: 5, standalone: false })).toBe(false);
  });
});
