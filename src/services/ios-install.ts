/** What a browser tells about itself that decides how Lull can be installed. */
export interface InstallEnvironment {
  readonly userAgent: string;
  readonly maxTouchPoints: number;
  /** Already running as an installed app (display-mode standalone, or iOS's `navigator.standalone`). */
  readonly standalone: boolean;
}

/**
 * iOS and iPadOS Safari have no install prompt: the person adds the app from the Share menu.
 * iPadOS presents itself as a Mac, told apart by its touch screen.
 */
export function needsIosInstructions({ userAgent, maxTouchPoints, standalone }: InstallEnvironment): boolean {
  const ios = /\b(?:iPhone|iPad|iPod)\b/u.test(userAgent) || (/\bMacintosh\b/u.test(userAgent) && maxTouchPoints > 1);
  return ios && !standalone;
}
