import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { Seconds } from '../../engine/units';

/**
 * How the breath shape moves from the moment it is drawn: still at a size, gliding from one size
 * to another through a breath phase, or swelling and settling slowly between the breaths. Sizes
 * are radii in the shape's 64-unit box.
 */
export type ShapeMotion =
  | { readonly kind: 'still'; readonly radius: number }
  | { readonly kind: 'glide'; readonly from: number; readonly to: number; readonly seconds: Seconds; readonly elapsed: Seconds }
  | { readonly kind: 'swell'; readonly around: number; readonly by: number; readonly period: Seconds; readonly elapsed: Seconds };

/** The drawn circle's radius: every motion scales it down from this. */
export const fullRadius = 30;

const scale = (radius: number): string => `scale(${String(radius / fullRadius)})`;

/**
 * The shape changes size this many times a second. A slow breath grows the circle by about 16 px
 * a second, so a step is about a pixel and a half; every frame instead cost the whole browser
 * about 5 % of a core more while a session played in front (`npm run bench:player`).
 */
export const shapeSteps = 12;

/** One swell and settle: a sine, sampled finely enough that its steps follow it. */
const swellSamples = 48;

function keyframesOf(motion: Exclude<ShapeMotion, { kind: 'still' }>): Keyframe[] {
  if (motion.kind === 'glide') return [{ transform: scale(motion.from) }, { transform: scale(motion.to) }];
  const { around, by } = motion;
  return Array.from({ length: swellSamples + 1 }, (_, index) => ({ transform: scale(around + by * Math.sin((2 * Math.PI * index) / swellSamples)) }));
}

const motionKey = (motion: ShapeMotion): string => JSON.stringify({ ...motion, elapsed: undefined });

/**
 * Moves the element it is on as `motion` says, with the browser's own animation (drawn by the
 * compositor, not by a redraw of the screen on every frame). Each update sets the animation to the
 * audio clock's place in it, so it never drifts from the sound; `playing` false holds it there.
 */
class ShapeMotionDirective extends Directive {
  private animation: Animation | undefined;
  private key: string | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('shapeMotion goes on an element.');
  }

  // Lit types the directive's arguments from `render`; the work is done in `update`, on the element.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  render(_motion: ShapeMotion, _playing: boolean) {
    return nothing;
  }

  override update(part: ElementPart, [motion, playing]: [ShapeMotion, boolean]) {
    const element = part.element as HTMLElement;
    const key = motionKey(motion);
    if (motion.kind === 'still') {
      this.animation?.cancel();
      this.animation = undefined;
      element.style.transform = scale(motion.radius);
    } else {
      if (key !== this.key || !this.animation) {
        this.animation?.cancel();
        element.style.transform = '';
        const seconds = motion.kind === 'glide' ? motion.seconds : motion.period;
        this.animation = element.animate(keyframesOf(motion), {
          duration: seconds * 1000,
          easing: `steps(${String(Math.max(1, Math.round(seconds * shapeSteps)))}, jump-none)`,
          fill: 'both',
          iterations: motion.kind === 'swell' ? Infinity : 1,
        });
      }
      this.animation.currentTime = motion.elapsed * 1000;
      if (playing) this.animation.play();
      else this.animation.pause();
    }
    this.key = key;
    return nothing;
  }
}

export const shapeMotion = directive(ShapeMotionDirective);
