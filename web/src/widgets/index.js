// Mounts the interactive figures of a lesson page: every
// <div class="widget" data-widget="NAME"> the site build rendered from a
// ```widget NAME block (web/scripts/site/lesson_source.mjs).
import { mountNormReduction } from './norm_reduction.js';
import { probeNorm } from './runtime_probe.js';

const WIDGETS = {
  'norm-reduction': (el, ctx) => mountNormReduction(el, { ...ctx, probe: (request) => probeNorm(ctx.client, request) }),
};

export function mountWidgets(root, ctx) {
  const mounted = [];
  for (const el of root.querySelectorAll('div.widget[data-widget]')) {
    const mount = WIDGETS[el.dataset.widget];
    if (!mount) continue; // unknown widgets keep their text description
    try {
      mounted.push(mount(el, ctx));
    } catch (error) {
      console.warn(`widget ${el.dataset.widget} failed to mount`, error);
    }
  }
  return mounted;
}
