// A dedicated worker's timers keep their pace in a hidden tab, where the page's own timers are
// slowed to one wake-up a minute; its messages wake the page on time.
const scope = globalThis as unknown as {
  postMessage(message: 'tick'): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<{ intervalMs: number } | 'stop'>) => void): void;
};

let timer: ReturnType<typeof setInterval> | undefined;

scope.addEventListener('message', (event) => {
  clearInterval(timer);
  timer = undefined;
  if (event.data !== 'stop') {
    timer = setInterval(() => {
      scope.postMessage('tick');
    }, event.data.intervalMs);
  }
});
