// Levels from XP thresholds: "Level N · name", XP to the next level.
export const LEVELS = [
  { xp: 0, key: 'level1' },
  { xp: 50, key: 'level2' },
  { xp: 150, key: 'level3' },
  { xp: 300, key: 'level4' },
  { xp: 500, key: 'level5' },
  { xp: 800, key: 'level6' },
  { xp: 1200, key: 'level7' },
  { xp: 1700, key: 'level8' },
];

export function levelFor(xp) {
  let i = 0;
  while (i + 1 < LEVELS.length && xp >= LEVELS[i + 1].xp) i++;
  const current = LEVELS[i];
  const next = LEVELS[i + 1] || null;
  const span = next ? next.xp - current.xp : 1;
  return {
    level: i + 1,
    key: current.key,
    xp,
    floor: current.xp,
    next: next ? next.xp : null,
    toNext: next ? next.xp - xp : 0,
    fraction: next ? Math.min(1, (xp - current.xp) / span) : 1,
  };
}
