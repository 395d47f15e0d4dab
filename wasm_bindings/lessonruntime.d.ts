// TypeScript declarations for build/wasm/lessonruntime.js (shipped next to it
// as web/dist/wasm/lessonruntime.d.ts). The cell Runtime follows
// wasm_bindings/PROTOCOL.md section 1; figures follow section 3.

/** One series of an Axes (PROTOCOL.md section 3). */
export type FigureSeries =
  | {
      kind: 'line';
      x: (number | null)[];
      y: (number | null)[];
      label: string;
      color: string;
      /** '-', '--', '-.', ':' or '' (no line) */
      linestyle: string;
      /** '' (none), 'o', '.', 's', '^', 'v', 'x', '+', '*', 'd', ... */
      marker: string;
      linewidth: number;
    }
  | { kind: 'scatter'; x: (number | null)[]; y: (number | null)[]; label: string; color: string; size: number }
  | { kind: 'bar'; x: (number | null)[] | string[]; height: (number | null)[]; width: number; label: string; color: string }
  | { kind: 'hist'; edges: (number | null)[]; counts: (number | null)[]; label: string; color: string }
  | {
      kind: 'image';
      rows: number;
      cols: number;
      /** row-major, rows * cols values */
      data: (number | null)[];
      vmin: number | null;
      vmax: number | null;
      cmap: 'viridis' | 'gray';
      colorbar: boolean;
    };

export interface FigureAxes {
  row: number;
  col: number;
  nrows: number;
  ncols: number;
  title: string;
  xlabel: string;
  ylabel: string;
  xlim: [number | null, number | null] | null;
  ylim: [number | null, number | null] | null;
  grid: boolean;
  legend: boolean;
  series: FigureSeries[];
}

export interface Figure {
  id: number;
  /** inches */
  width: number;
  height: number;
  suptitle: string;
  axes: FigureAxes[];
}

export type RuntimeEvent =
  | { type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { type: 'figure'; figure: Figure }
  | {
      type: 'error';
      /** "ValueError" */
      ename: string;
      /** the message, str(exception) */
      evalue: string;
      /** the whole traceback text (also sent as stderr) */
      traceback: string;
      /** 1-based line in this cell of the innermost frame in this cell, or 0 */
      line: number;
    }
  | { type: 'done'; status: 'ok' | 'error' | 'interrupted' | 'timeout'; elapsedMs: number };

/** One Python session: cells run in one shared namespace, like a notebook kernel. */
export declare class Runtime {
  constructor();
  /** Runs a cell synchronously, reporting stream/figure/error events and finally 'done'. */
  run(code: string, cellId: string, onEvent: (event: RuntimeEvent) => void): void;
  /** A fresh namespace. */
  reset(): void;
  /**
   * Ends a program run as CPython does at exit (what `lessonrun FILE.py` does after the file):
   * clears the namespace so finalizers run, reporting their output as stream events.
   */
  shutdown(onEvent: (event: RuntimeEvent) => void): void;
  /** Seconds a cell may run before it stops with TimeoutError (status 'timeout'); 0 = no budget. */
  setTimeBudget(seconds: number): void;
  /** Polled every few ms while code runs; a truthy result stops the cell with KeyboardInterrupt. */
  setInterruptPoll(poll: (() => unknown) | null): void;
  /** Frees the Embind handle. */
  delete(): void;
}

export interface LessonRuntimeModule {
  Runtime: typeof Runtime;
  /** The runtime's version, "0.1.0". */
  version(): string;
  /**
   * LayerNorm over the last dimension of a rows x cols float32 matrix.
   * Throws RangeError on mismatched sizes or a negative eps.
   */
  layerNorm(
    x: Float32Array | ArrayLike<number>,
    rows: number,
    cols: number,
    weight: Float32Array | ArrayLike<number> | null | undefined,
    bias: Float32Array | ArrayLike<number> | null | undefined,
    eps: number,
  ): Float32Array;
  /** The SVG the native CLI writes for a figure (the event's figure object or its JSON text). */
  figureSvg(figure: Figure | string): string;
}

export interface LessonRuntimeOptions {
  /** The .wasm bytes, instead of fetching lessonruntime.wasm (Node). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

declare function createLessonRuntime(options?: LessonRuntimeOptions): Promise<LessonRuntimeModule>;
export default createLessonRuntime;
