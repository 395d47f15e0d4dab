// The rule `lessonrun --lesson` uses (native/lesson/lesson_check.cpp), for
// the browser test: exact text, or with a cell's `tolerance=` every number
// may differ by tolerance * max(|a|, |b|) or by one unit in the last digit
// the expected number prints; the text around numbers must match, spaces
// and tabs aside (a changed sign or width moves tensor columns).
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;

function tokenize(s) {
  const out = [];
  let text = '';
  const flush = () => { out.push({ number: false, text }); text = ''; };
  for (let i = 0; i < s.length;) {
    const wordBefore = i > 0 && /[A-Za-z_]/.test(s[i - 1]);
    const startsNumber = /\d/.test(s[i]) || (/[-+.]/.test(s[i]) && /^[-+]?\.?\d/.test(s.slice(i, i + 3)));
    if (!wordBefore && startsNumber) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(s);
      if (m) {
        flush();
        const raw = m[0];
        const [mantissa, exp = '0'] = raw.split(/[eE]/);
        const decimals = mantissa.includes('.') ? mantissa.length - mantissa.indexOf('.') - 1 : 0;
        out.push({ number: true, value: Number(raw), unit: 10 ** (Number(exp) - decimals) });
        i += raw.length;
        continue;
      }
    }
    if (s[i] !== ' ' && s[i] !== '\t') text += s[i];
    i += 1;
  }
  flush();
  return out.filter((t) => t.number || t.text !== '');
}

export function outputsMatch(expected, actual, tolerance) {
  if (!tolerance) return expected === actual;
  const e = tokenize(expected);
  const a = tokenize(actual);
  if (e.length !== a.length) return false;
  return e.every((x, i) => {
    const y = a[i];
    if (x.number !== y.number) return false;
    if (!x.number) return x.text === y.text;
    const diff = Math.abs(x.value - y.value);
    return diff === 0 || diff <= tolerance * Math.max(Math.abs(x.value), Math.abs(y.value)) || diff <= x.unit * (1 + 1e-9);
  });
}
