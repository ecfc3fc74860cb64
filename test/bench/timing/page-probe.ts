/**
 * What the bench reads from inside the page. The probe is plain JavaScript added before the app's
 * own scripts (DevTools-injected scripts are exempt from the page's CSP). It only observes: it
 * wraps `decodeAudioData` and `AudioBufferSourceNode.start` to count and time what the app does,
 * and keeps two monitors (main-thread timer wake-ups, the engine's worker ticks).
 */
export const pageProbeSource = String.raw`
(() => {
  const bench = {
    decodedBytes: 0,
    decodedBuffers: 0,
    starts: [],
    click: null,
    context: null,
    timerMaxGapMs: 0,
    tickMaxGapMs: 0,
    ticks: 0,
    busyStalls: 0,
  };
  Object.defineProperty(window, '__lullBench', { value: bench });

  const decode = BaseAudioContext.prototype.decodeAudioData;
  BaseAudioContext.prototype.decodeAudioData = function (...args) {
    const decoding = decode.apply(this, args);
    decoding.then((buffer) => {
      bench.decodedBytes += buffer.length * buffer.numberOfChannels * 4;
      bench.decodedBuffers += 1;
    }, () => undefined);
    return decoding;
  };

  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (when = 0, ...rest) {
    if (bench.click && when > 0) {
      bench.context = this.context;
      bench.starts.push({ when, currentTime: this.context.currentTime, performanceNow: performance.now() });
    }
    return start.call(this, when, ...rest);
  };

  addEventListener('click', (event) => {
    bench.click ??= { timeStamp: event.timeStamp, timeOrigin: performance.timeOrigin, isTrusted: event.isTrusted };
  }, true);

  let lastTimer = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (bench.click) bench.timerMaxGapMs = Math.max(bench.timerMaxGapMs, now - lastTimer);
    lastTimer = now;
  }, 1000);

  const listen = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, ...rest) {
    if (type !== 'message' || typeof listener !== 'function') return listen.call(this, type, listener, ...rest);
    let lastTick = 0;
    const timed = function (event) {
      const now = performance.now();
      if (bench.click && lastTick > 0) bench.tickMaxGapMs = Math.max(bench.tickMaxGapMs, now - lastTick);
      if (bench.click) bench.ticks += 1;
      lastTick = now;
      return listener.call(this, event);
    };
    return listen.call(this, type, timed, ...rest);
  };
})();
`;

const sessionViewPath = "document.querySelector('lull-app')?.shadowRoot?.querySelector('lull-session-view')";

/** The Start button's centre once the session has loaded its sounds; `null` until then. */
export const startButtonCentre = `(() => {
  const button = ${sessionViewPath}?.shadowRoot?.querySelector('button.start, button.play');
  if (!button || button.disabled || button.textContent.trim() !== 'Start') return null;
  button.scrollIntoView({ block: 'center' });
  const box = button.getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
})()`;

export interface PlayerStatus {
  readonly state: string;
  readonly visibility: DocumentVisibilityState;
  readonly problems: readonly string[];
}

export const playerStatus = `(() => {
  const player = ${sessionViewPath}?._playback?.status?.player;
  return { state: player?.state ?? 'missing', visibility: document.visibilityState, problems: player?.problems ?? [] };
})()`;

/** The audio clock, the performance clock and the output timestamp, read together. */
export interface ClockSample {
  readonly currentTime: number;
  readonly performanceNow: number;
  readonly outputContextTime: number;
  readonly outputPerformanceTime: number;
  readonly sampleRate: number;
  readonly baseLatency: number;
  readonly outputLatency: number;
}

export const clockSample = `(() => {
  const context = window.__lullBench.context;
  if (!context) return null;
  const output = context.getOutputTimestamp();
  return {
    currentTime: context.currentTime,
    performanceNow: performance.now(),
    outputContextTime: output.contextTime,
    outputPerformanceTime: output.performanceTime,
    sampleRate: context.sampleRate,
    baseLatency: context.baseLatency,
    outputLatency: context.outputLatency,
  };
})()`;

export interface ScheduledStart {
  /** The audio-clock time the sound was asked to start at. */
  readonly when: number;
  /** The audio clock when \`start()\` was called. */
  readonly currentTime: number;
  readonly performanceNow: number;
}

export interface ProbeFigures {
  readonly engineLateEvents: number | null;
  readonly decodedBytes: number;
  readonly decodedBuffers: number;
  readonly starts: readonly ScheduledStart[];
  readonly click: { readonly timeStamp: number; readonly timeOrigin: number; readonly isTrusted: boolean } | null;
  readonly timerMaxGapMs: number;
  readonly tickMaxGapMs: number;
  readonly ticks: number;
  readonly busyStalls: number;
  readonly usedJsHeapSize: number | null;
}

export const probeFigures = `(() => {
  const bench = window.__lullBench;
  const player = ${sessionViewPath}?._playback?.status?.player;
  return {
    engineLateEvents: player?.engine?.lateEvents ?? null,
    decodedBytes: bench.decodedBytes,
    decodedBuffers: bench.decodedBuffers,
    starts: bench.starts,
    click: bench.click,
    timerMaxGapMs: bench.timerMaxGapMs,
    tickMaxGapMs: bench.tickMaxGapMs,
    ticks: bench.ticks,
    busyStalls: bench.busyStalls,
    usedJsHeapSize: performance.memory?.usedJSHeapSize ?? null,
  };
})()`;
