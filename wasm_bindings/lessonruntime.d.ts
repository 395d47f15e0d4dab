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

/** A pooling result: row-major output values and the output shape (the input's with H, W replaced). */
export interface PooledArray {
  data: Float32Array;
  shape: number[];
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
  /**
   * BatchNorm with training (batch) statistics over every dimension but 1 of an
   * [N, C, ...] float32 buffer (row-major `shape`); weight and bias hold C values
   * or are null. No running statistics. Every argument must be passed (null /
   * undefined for the optional ones; eps undefined = 1e-5).
   * Throws TypeError (not an array, non-integer shape) or RangeError (x length
   * is not the product of shape, weight/bias length is not C, eps < 0, fewer than
   * 2 dims); the kernel's own errors (PyTorch's texts, e.g. "Expected more than 1
   * value per channel when training") come as RangeError for ValueError /
   * IndexError, TypeError, or Error for RuntimeError, prefixed "batchNorm: ".
   */
  batchNorm(
    x: Float32Array | ArrayLike<number>,
    shape: ArrayLike<number>,
    weight: Float32Array | ArrayLike<number> | null | undefined,
    bias: Float32Array | ArrayLike<number> | null | undefined,
    eps: number | undefined,
  ): Float32Array;
  /**
   * GroupNorm of an [N, C, ...] buffer: each sample's channels split into
   * numGroups groups (numGroups must divide C, else RangeError), each
   * (sample, group) normalised by its own mean and biased variance, then the
   * per-channel weight and bias (C values, or null). Errors as batchNorm.
   */
  groupNorm(
    x: Float32Array | ArrayLike<number>,
    shape: ArrayLike<number>,
    numGroups: number,
    weight: Float32Array | ArrayLike<number> | null | undefined,
    bias: Float32Array | ArrayLike<number> | null | undefined,
    eps: number | undefined,
  ): Float32Array;
  /** InstanceNorm of an [N, C, ...] buffer (3+ dims): every (sample, channel) plane on its own. Errors as batchNorm. */
  instanceNorm(x: Float32Array | ArrayLike<number>, shape: ArrayLike<number>, eps: number | undefined): Float32Array;
  /**
   * F.max_pool2d on a [N, C, H, W] or [C, H, W] buffer. kernel, stride and
   * padding are a number (both axes) or [h, w]; stride null/undefined = kernel,
   * padding null/undefined = 0. Returns the output and its shape. Bad arguments:
   * TypeError / RangeError; PyTorch's checks ("pad should be at most half of
   * kernel size", "Output size is too small") come as Error, prefixed "maxPool2d: ".
   */
  maxPool2d(
    x: Float32Array | ArrayLike<number>,
    shape: ArrayLike<number>,
    kernel: number | [number, number],
    stride: number | [number, number] | null | undefined,
    padding: number | [number, number] | null | undefined,
  ): PooledArray;
  /** F.avg_pool2d (count_include_pad=True, as PyTorch's default); arguments and errors as maxPool2d. */
  avgPool2d(
    x: Float32Array | ArrayLike<number>,
    shape: ArrayLike<number>,
    kernel: number | [number, number],
    stride: number | [number, number] | null | undefined,
    padding: number | [number, number] | null | undefined,
  ): PooledArray;
  /** F.adaptive_avg_pool2d(x, (outH, outW)) on a [N, C, H, W] or [C, H, W] buffer; outH, outW >= 1. */
  adaptiveAvgPool2d(x: Float32Array | ArrayLike<number>, shape: ArrayLike<number>, outH: number, outW: number): PooledArray;
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
