// The facade the rest of the runtime uses: a session that runs cells in one
// namespace, streams their output through a callback, can be interrupted or
// given a time budget, and can be extended with native modules (torch).
//
//   Interpreter py;
//   py.set_output([](OutputStream s, std::string_view text) { ... });
//   CellResult r = py.run_cell("print(1 + 1)", "<cell 1>");
//
// Extension points:
//   - register_module(name, init): `import name` calls init(vm, module) once
//     per session to fill the module's namespace (dotted names make
//     submodules: "torch.nn"). A module's init may also run Python source
//     through run_module_source() to define parts of it in Python.
//   - Native types: a static Type with TypeSlots (repr, binary operators,
//     getitem, call, iter, ...) and methods/properties added with
//     add_method / add_getter / add_property (obj_function.hpp); instances
//     are C++ classes deriving from Object. Context managers define
//     __enter__/__exit__ methods. Classes written in Python can subclass a
//     native type when its construct slot builds instances of the subclass.
//   - Errors: throw PyError (obj_exception.hpp), or lesson::TorchError
//     (core/errors.hpp), which the evaluator turns into the matching Python
//     exception.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "python/vm.hpp"

namespace lesson::python {

enum class CellStatus { Ok, Error, SyntaxError, Exit };

struct CellResult {
  CellStatus status = CellStatus::Ok;
  std::string error_type;  // "ValueError" when status is Error/SyntaxError
  std::string traceback;   // the text written to stderr
  int exit_code = 0;       // SystemExit code, 1 for uncaught exceptions
  std::string error_message;  // str(exception): "math domain error"
  // 1-based line, in this cell, of the innermost traceback frame that runs
  // this cell's code (the SyntaxError's line for syntax errors); 0 if none.
  int error_line = 0;
  // Why the host stopped the cell, if it did: 1 interrupt() or the
  // interrupt hook (KeyboardInterrupt), 2 the time budget (TimeoutError).
  int stop_reason = 0;
};

class Interpreter {
 public:
  Interpreter();
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Where print() and tracebacks go; nothing is written without a sink.
  void set_output(OutputSink sink);
  // Runs source in the session namespace; `filename` names it in tracebacks
  // ("<cell 3>", or a path for files).
  CellResult run_cell(const std::string& code, const std::string& filename);
  // A fresh namespace; imported modules and classes of the session go away.
  void reset();
  // Ends a program run (the CLI): clears the namespace as CPython does at
  // exit, running __del__ of what it held.
  void shutdown();

  // Raises KeyboardInterrupt at the next check (loop iteration or call).
  void interrupt();
  // The flag interrupt() sets, for hosts that write it from elsewhere
  // (e.g. a SharedArrayBuffer in the browser); non-zero means interrupt.
  volatile std::int32_t* interrupt_flag();
  // Polled regularly; returning true interrupts the running cell.
  void set_interrupt_hook(std::function<bool()> hook);
  // Stops a cell that runs longer than this with TimeoutError; 0 = no limit.
  void set_time_budget(double seconds);

  // Where matplotlib figures go when plt.show() is called and, for figures
  // still open, when a cell ends (like Jupyter's inline backend): the JSON
  // of wasm_bindings/PROTOCOL.md section 3, or the data itself. Without a
  // sink, shown figures are dropped.
  void set_figure_sink(std::function<void(const std::string& json)> sink);
  void set_figure_data_sink(std::function<void(const FigureData&)> sink);

  void register_module(const std::string& name, ModuleInit init);
  // Runs Python source inside a module's namespace (for module inits).
  void run_module_source(Module& module, const std::string& source, const std::string& filename);

  Vm& vm() { return *vm_; }

 private:
  std::unique_ptr<Vm> vm_;
};

// "<cell 3>"
std::string cell_filename(int n);

// Runs Python source in a module's namespace; for ModuleInit functions that
// write part of a module in Python. Raises PyError on errors. The code comes
// from the program's frozen table (frozen.hpp) when it holds this source,
// else the source is compiled.
void run_module_source(Vm& vm, Module& module, const std::string& source, const std::string& filename);

// Called for each module source run_module_source had to compile (none when
// the frozen table is complete): lesson_freeze collects them, tests count
// them. An empty function turns it off.
using ModuleSourceObserver = std::function<void(const std::string& filename, const std::string& source, const Code& code)>;
void set_module_source_observer(ModuleSourceObserver observer);

}  // namespace lesson::python
