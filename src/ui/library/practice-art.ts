import { css, html, svg, type SVGTemplateResult } from 'lit';
import type { PracticeKind } from '../../engine/script-model';

/**
 * Each practice's own small picture, drawn here in code: a few soft shapes in the practice's
 * palette (no image from anywhere else). The pictures are decoration: the card's words say it all.
 */
/** The pictures: one per practice, and one for the breathing pacer. */
export type ArtKind = PracticeKind | 'pacer';

const drawings: Readonly<Record<ArtKind, SVGTemplateResult>> = {
  'safe-space': svg`
    <rect width="160" height="100" fill="#f7dcc0"></rect>
    <circle cx="112" cy="46" r="18" fill="#f0a866"></circle>
    <path d="M0 64 Q40 54 80 62 T160 60 V100 H0Z" fill="#7fb3a4"></path>
    <path d="M0 78 Q50 70 100 78 T160 76 V100 H0Z" fill="#e8c899"></path>`,
  'self-soothing': svg`
    <rect width="160" height="100" fill="#eadff1"></rect>
    <circle cx="80" cy="52" r="40" fill="#ddcbe8"></circle>
    <circle cx="80" cy="52" r="27" fill="#d2b7df"></circle>
    <path d="M80 66 C58 52 62 36 73 37 C77 37 80 41 80 44 C80 41 83 37 87 37 C98 36 102 52 80 66Z" fill="#b9739f"></path>`,
  breathing: svg`
    <rect width="160" height="100" fill="#dceaf1"></rect>
    <circle cx="80" cy="50" r="40" fill="#bcd7e4"></circle>
    <circle cx="80" cy="50" r="28" fill="#94bfd3"></circle>
    <circle cx="80" cy="50" r="15" fill="#5f95b0"></circle>`,
  pacer: svg`
    <rect width="160" height="100" fill="#dde8ec"></rect>
    <rect x="52" y="22" width="56" height="56" rx="10" fill="none" stroke="#7fa9bd" stroke-width="4"></rect>
    <circle cx="52" cy="32" r="6" fill="#4f86a3"></circle>
    <path d="M66 50 H94" stroke="#a9c7d4" stroke-width="4" stroke-linecap="round"></path>
    <circle cx="80" cy="50" r="5" fill="#5f95b0"></circle>`,
  'butterfly-hug': svg`
    <rect width="160" height="100" fill="#f8e3d5"></rect>
    <ellipse cx="62" cy="40" rx="20" ry="15" transform="rotate(-25 62 40)" fill="#e79a78"></ellipse>
    <ellipse cx="98" cy="40" rx="20" ry="15" transform="rotate(25 98 40)" fill="#e79a78"></ellipse>
    <ellipse cx="66" cy="64" rx="13" ry="10" transform="rotate(20 66 64)" fill="#f1bb9b"></ellipse>
    <ellipse cx="94" cy="64" rx="13" ry="10" transform="rotate(-20 94 64)" fill="#f1bb9b"></ellipse>
    <rect x="77" y="30" width="6" height="44" rx="3" fill="#8b5a45"></rect>`,
  'five-questions': svg`
    <rect width="160" height="100" fill="#dbe0f1"></rect>
    <circle cx="124" cy="26" r="11" fill="#f6e7b0"></circle>
    <circle cx="129" cy="22" r="10" fill="#dbe0f1"></circle>
    <circle cx="30" cy="66" r="5" fill="#e9c35e"></circle>
    <circle cx="55" cy="48" r="5" fill="#e9c35e"></circle>
    <circle cx="80" cy="60" r="5" fill="#e9c35e"></circle>
    <circle cx="105" cy="42" r="5" fill="#e9c35e"></circle>
    <circle cx="130" cy="62" r="5" fill="#e9c35e"></circle>
    <path d="M30 66 L55 48 L80 60 L105 42 L130 62" fill="none" stroke="#a7afd6" stroke-width="1.5"></path>`,
  letter: svg`
    <rect width="160" height="100" fill="#f3ead6"></rect>
    <rect x="42" y="26" width="76" height="50" rx="4" fill="#fffaf0"></rect>
    <path d="M42 30 L80 56 L118 30" fill="none" stroke="#d5b486" stroke-width="3"></path>
    <path d="M80 70 C70 63 72 56 77 56 C79 56 80 58 80 59 C80 58 81 56 83 56 C88 56 90 63 80 70Z" fill="#c96c5f"></path>`,
  memories: svg`
    <rect width="160" height="100" fill="#efe1cd"></rect>
    <rect x="34" y="22" width="50" height="58" rx="3" transform="rotate(-7 59 51)" fill="#fffdf7"></rect>
    <rect x="40" y="28" width="38" height="34" transform="rotate(-7 59 51)" fill="#cfe0cf"></rect>
    <rect x="78" y="20" width="50" height="58" rx="3" transform="rotate(6 103 49)" fill="#fffdf7"></rect>
    <rect x="84" y="26" width="38" height="34" transform="rotate(6 103 49)" fill="#f3c9a2"></rect>
    <circle cx="103" cy="40" r="7" fill="#e8955f"></circle>`,
  play: svg`
    <rect width="160" height="100" fill="#fbe6c6"></rect>
    <path d="M20 70 Q40 40 60 62 T100 58 T140 40" fill="none" stroke="#e58b54" stroke-width="5" stroke-linecap="round"></path>
    <circle cx="38" cy="28" r="7" fill="#7fb3a4"></circle>
    <circle cx="122" cy="72" r="8" fill="#b9739f"></circle>
    <rect x="70" y="18" width="12" height="12" rx="2" transform="rotate(20 76 24)" fill="#e9c35e"></rect>
    <circle cx="134" cy="24" r="4" fill="#5f95b0"></circle>`,
  'self-compassion': svg`
    <rect width="160" height="100" fill="#fde9d6"></rect>
    <path d="M46 70 A34 34 0 0 1 114 70Z" fill="#f5b46f"></path>
    <path d="M80 26 V14 M52 38 L44 30 M108 38 L116 30" stroke="#f0a866" stroke-width="4" stroke-linecap="round"></path>
    <path d="M0 72 Q40 60 80 70 T160 66 V100 H0Z" fill="#a9c6a0"></path>`,
  'check-in': svg`
    <rect width="160" height="100" fill="#e2efdc"></rect>
    <circle cx="80" cy="54" r="34" fill="none" stroke="#c3dcb9" stroke-width="3"></circle>
    <path d="M56 70 C56 40 80 26 106 30 C108 56 90 74 56 70Z" fill="#86b07e"></path>
    <path d="M58 68 Q78 52 100 34" fill="none" stroke="#e2efdc" stroke-width="2.5" stroke-linecap="round"></path>`,
};

/** The pictures' frame: rounded, and a little dimmer in the dark so they do not glare. */
export const practiceArtStyles = css`
  .art {
    display: block;
    width: 100%;
    height: auto;
    border-radius: calc(var(--lull-radius) - 4px);
  }
  @media (prefers-color-scheme: dark) {
    .art {
      filter: brightness(0.82) saturate(0.9);
    }
  }
`;

/** The picture of a practice (or of the pacer). */
export function practiceArt(kind: ArtKind) {
  return html`<svg class="art" viewBox="0 0 160 100" preserveAspectRatio="xMidYMid slice" aria-hidden="true" focusable="false">${drawings[kind]}</svg>`;
}
