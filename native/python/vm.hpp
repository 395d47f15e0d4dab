// The runtime state of one interpreter session and the evaluator entry
// points. Everything native code needs — calling Python callables, output,
// imports, interrupts — goes through a Vm&.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "python/object.hpp"

namespace lesson::python {

class Frame;
class Function;
struct FigureData;
struct PlotState;
class Code;
class Module;
struct SourceText;

enum class OutputStream { Stdout = 1, Stderr = 2 };
using OutputSink = std::function<void(OutputStream, std::string_view)>;
using ModuleInit = std::function<void(Vm&, Module&)>;

class Vm {
 public:
  Vm();
  ~Vm();
  Vm(const Vm&) = delete;
  Vm& operator=(const Vm&) = delete;

  // ---- output
  OutputSink output;
  void write(OutputStream s, std::string_view text) {
    if (output) output(s, text);
  }

  // ---- namespaces
  Ref<Dict> builtins;
  Ref<Dict> main_globals;  // the session namespace (__main__)
  Ref<Dict> modules;       // imported modules by dotted name
  std::map<std::string, ModuleInit> native_modules;
  ObjRef import_module(const std::string& dotted);  // returns the named (leaf) module
  void reset_namespace();

  // ---- execution
  ObjRef run_code(Code* code, Dict* globals, Dict* locals);
  ObjRef run_frame(Frame* f);  // runs until f returns or yields
  ObjRef call(Object* callable, const Args& args);
  ObjRef call(Object* callable, std::initializer_list<Object*> pos);
  ObjRef call_method(Object* self, std::string_view name, std::initializer_list<Object*> pos);
  // Builds the frame for calling f with args (binds parameters).
  std::unique_ptr<Frame> make_frame(Function* f, const Args& args);

  Frame* frame = nullptr;   // innermost running frame
  int depth = 0;            // Python frames plus native re-entries
  int recursion_limit = 1000;
  ObjRef handled_exc;       // the exception being handled (sys.exc_info())
  void enter_call();        // raises RecursionError past the limit
  void leave_call() { --depth; }

  // ---- interrupts and time budget
  volatile std::int32_t interrupt_requested = 0;
  std::function<bool()> interrupt_hook;  // polled regularly; true = interrupt
  double time_budget_seconds = 0;        // 0: no budget
  std::chrono::steady_clock::time_point deadline{};
  int stop_reason = 0;                   // sticky once fired: 1 interrupt, 2 timeout
  std::uint32_t poll_counter = 0;
  void poll() {
    if (interrupt_requested || stop_reason || ((++poll_counter & 1023u) == 0)) check_interrupts();
  }
  void check_interrupts();
  void start_budget();

  // ---- figures (matplotlib.pyplot)
  std::shared_ptr<PlotState> plot_state;  // this session's open figures; created on first use
  std::function<void(const FigureData&)> figure_sink;  // shown figures go here; none: dropped

  // ---- helpers
  std::vector<Object*> repr_stack;  // objects being repr'd (recursion "[...]")
  std::vector<Ref<Type>> heap_types;  // classes created this session (reset breaks their cycles)
};

// Keeps the recursion counter balanced around native re-entry.
class CallDepthGuard {
 public:
  explicit CallDepthGuard(Vm& vm) : vm_(vm) { vm_.enter_call(); }
  ~CallDepthGuard() { vm_.leave_call(); }
  CallDepthGuard(const CallDepthGuard&) = delete;
  CallDepthGuard& operator=(const CallDepthGuard&) = delete;

 private:
  Vm& vm_;
};

}  // namespace lesson::python
