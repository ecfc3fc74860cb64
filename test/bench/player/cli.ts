// `npm run bench:player`: the player's start and run costs beside bare pages (see player-bench.ts).
import { appendHistory } from '../history';
import { benchPlayer, printPlayerFigures, splitPlayerArgs, playerUsage } from './player-bench';

try {
  const { player, rest } = splitPlayerArgs(process.argv.slice(2));
  if (rest.length > 0) throw new Error(`Unknown options: ${rest.join(' ')}\n${playerUsage}`);
  const figures = await benchPlayer(player);
  printPlayerFigures(figures);
  appendHistory({ player: figures });
  if (!figures.meetsGoals) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
