import { ChangeSignal } from './change-signal';
import { needsIosInstructions, type InstallEnvironment } from './ios-install';

/** Chromium's install offer; not in TypeScript's DOM types because it is not a standard. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ readonly outcome: 'accepted' | 'dismissed' }>;
}

function currentEnvironment(): InstallEnvironment {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return {
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints,
    standalone: iosStandalone || matchMedia('(display-mode: standalone)').matches,
  };
}

/**
 * Keeps the browser's install offer from the moment the page loads (the event can come before
 * any element is on screen) until the person uses it or the app is installed.
 */
export class InstallPrompt {
  private offer: BeforeInstallPromptEvent | undefined;
  private readonly changes = new ChangeSignal();

  constructor(target: Window) {
    target.addEventListener('beforeinstallprompt', (event) => {
      event.preventDefault();
      this.offer = event as BeforeInstallPromptEvent;
      this.notify();
    });
    target.addEventListener('appinstalled', () => {
      this.offer = undefined;
      this.notify();
    });
  }

  /** The browser offers installation right now. */
  get available(): boolean {
    return this.offer !== undefined;
  }

  /** Whether to show the iOS "Share → Add to Home Screen" steps instead of a button. */
  get iosInstructions(): boolean {
    return needsIosInstructions(currentEnvironment());
  }

  /** Shows the browser's install dialog; an offer can be used once. */
  async prompt(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
    const offer = this.offer;
    if (!offer) return 'unavailable';
    this.offer = undefined;
    this.notify();
    await offer.prompt();
    return (await offer.userChoice).outcome;
  }

  subscribe(listener: () => void): () => void {
    return this.changes.subscribe(listener);
  }

  private notify(): void {
    this.changes.notify();
  }
}

export const installPrompt = new InstallPrompt(window);
