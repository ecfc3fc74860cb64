import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../src/ui/shell/routes';

const route = (path: string) => matchRoute(new URL(path, 'https://lull.example/'));

describe('matchRoute', () => {
  it('opens a session by id, keeping its settings', () => {
    const opened = route('/session/safe-space?minutes=10&place=forest');
    expect(opened.view).toBe('session');
    expect(opened.view === 'session' && [opened.id, opened.query.get('minutes'), opened.query.get('place')]).toEqual(['safe-space', '10', 'forest']);
  });

  it('opens the practices people use most from short addresses', () => {
    for (const [path, id] of [
      ['/safe-space', 'safe-space'],
      ['/butterfly-hug/', 'butterfly-hug'],
      ['/check-in?minutes=2', 'check-in'],
    ] as const) {
      const opened = route(path);
      expect(opened.view === 'session' && opened.id).toBe(id);
    }
  });

  it('opens each screen from its own address, with or without a trailing slash', () => {
    for (const view of ['journal', 'letters', 'about', 'break', 'your-data', 'check-ins', 'breathe'] as const) {
      expect(route(`/${view}`).view).toBe(view);
      expect(route(`/${view}/`).view).toBe(view);
    }
  });

  it('names an unknown address so the page can say so', () => {
    expect(route('/nowhere')).toEqual({ view: 'not-found', path: '/nowhere' });
    expect(route('/session/Not%20A%20Session').view).toBe('not-found');
  });
});
