// Activity days (the learner's local calendar) for the streak achievement.
export function localDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function previousDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return localDay(new Date(y, m - 1, d - 1, 12));
}

// Consecutive days with activity, ending today (or yesterday: a streak is
// not broken before the day is over).
export function streakLength(days, now) {
  const set = new Set(days);
  let day = localDay(now);
  if (!set.has(day)) day = previousDay(day);
  let n = 0;
  while (set.has(day)) {
    n++;
    day = previousDay(day);
  }
  return n;
}

export function addDay(days, now, keep = 60) {
  const day = localDay(now);
  if (days.includes(day)) return days;
  return [...days, day].sort().slice(-keep);
}
