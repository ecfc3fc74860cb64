import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Bus } from '../../engine/audio-port';
import type { ContinuityService, PreferenceFlag, SessionMemory } from '../../services/continuity-service';
import type { DataServicesLoader } from '../../services/data-context';
import type { NowPlaying, PlayingSession } from '../../services/now-playing';
import { defaultPreferences } from '../../services/preferences';
import { ResumeKeeper } from '../../services/resume-keeper';
import type { SessionPlayer } from '../../services/session-player';
import type { Sharing } from './playback-controller';

/** What a screen opens with when nothing is remembered, or the data cannot be reached. */
const forgotten: SessionMemory = { resume: undefined, remembered: undefined, preferences: defaultPreferences };

/**
 * What a session's screen remembers between visits: loads the place left unfinished, the last
 * length and choices and the preferences before the session opens; keeps new ones as the person
 * changes them; and hands the session to the app, with what keeps its place, once it starts.
 */
export class SessionMemoryController implements ReactiveController {
  /** Undefined until read (the session waits for it, so it opens at the remembered length and choices). */
  memory: SessionMemory | undefined;
  favourite = false;
  private readFor: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      readonly sessionId: () => string;
      readonly loader: () => DataServicesLoader;
      readonly nowPlaying: () => NowPlaying | undefined;
      readonly moodBefore: () => number | null;
    },
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const id = this.options.sessionId();
    if (id === '' || id === this.readFor) return;
    this.readFor = id;
    this.memory = undefined;
    void this.read(id);
  }

  /** How the screen's session plays on when the person moves to another screen. */
  sharing(): Sharing | undefined {
    const nowPlaying = this.options.nowPlaying();
    const key = this.options.sessionId();
    if (!nowPlaying || key === '') return undefined;
    return { nowPlaying, key, keep: (player) => this.keep(key, player) };
  }

  /** The session started (or continued): its length and choices are what it opens with next time. */
  rememberStart(player: SessionPlayer): void {
    const { id } = player.pack;
    void this.write((continuity) => continuity.rememberSettings(id, { minutes: player.lengthMinutes, choices: { ...player.chosen } }));
  }

  rememberVolume(bus: Bus, volume: number): void {
    void this.write((continuity) => continuity.rememberVolume(bus, volume));
  }

  rememberFlag(flag: PreferenceFlag, on: boolean): void {
    void this.write((continuity) => continuity.rememberFlag(flag, on));
  }

  setFavourite(on: boolean): void {
    const id = this.options.sessionId();
    this.favourite = on;
    this.host.requestUpdate();
    void this.write(async (continuity) => {
      this.favourite = (await continuity.setFavourite('sessions', id, on)).includes(id);
      this.host.requestUpdate();
    });
  }

  /** The person said how they feel after the session: the history keeps it with the session. */
  moodAfter(player: SessionPlayer, mood: number | null): void {
    const kept = this.options.nowPlaying()?.current;
    if (kept?.player === player) kept.keeper?.moodAfter(mood);
  }

  private keep(key: string, player: SessionPlayer): PlayingSession {
    const keeper = new ResumeKeeper(player, () => this.continuity());
    keeper.moodBefore = this.options.moodBefore();
    return {
      key,
      href: `/session/${key}`,
      title: player.pack.title,
      player,
      keeper,
      close: () => {
        const written = keeper.dispose();
        player.dispose();
        return written;
      },
    };
  }

  private async read(id: string): Promise<void> {
    let memory = forgotten;
    try {
      memory = await (await this.continuity()).sessionMemory(id);
    } catch {
      // Nothing remembered can be read: the session opens as it would on a first visit.
    }
    if (this.readFor !== id) return;
    this.memory = memory;
    this.favourite = memory.preferences.favouriteSessions.includes(id);
    this.host.requestUpdate();
  }

  private async continuity(): Promise<ContinuityService> {
    return (await this.options.loader()()).continuity;
  }

  /** A preference that cannot be kept is not worth interrupting a session for: it is simply not remembered. */
  private async write(work: (continuity: ContinuityService) => Promise<unknown>): Promise<void> {
    try {
      await work(await this.continuity());
    } catch {
      // See above.
    }
  }
}
