// JS API: the cell Runtime of PROTOCOL.md section 1 — one interpreter
// session that runs cells and reports what happens as events:
//
//   const rt = new Module.Runtime();
//   rt.run(code, '<cell 3>', (event) => ...);  // stream / figure / error, then done
//
// Output is coalesced: a write goes out at once unless another went out less
// than kFlushMs ago, in which case it waits (at most about kFlushMs, flushed
// from the periodic interrupt check) so a loop of prints does not become a
// flood of events. The interrupt poll into JS is throttled by time, so a
// tight loop pays for one JS call per kPollMs at most.
#include <cstdint>
#include <string>
#include <utility>

#include <emscripten.h>
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "js_errors.hpp"
#include "python/figure.hpp"
#include "python/interpreter.hpp"

namespace lesson::wasm {
namespace {

using emscripten::val;
namespace py = lesson::python;

constexpr double kFlushMs = 10;
constexpr double kPollMs = 5;

class Runtime {
 public:
  Runtime() : interp_(std::make_unique<py::Interpreter>()) { install_hooks(); }

  void run(const std::string& code, const std::string& cell_id, val on_event) {
    if (running_) throw_js("Error", "Runtime.run: a cell is already running in this runtime");
    if (on_event.typeOf().as<std::string>() != "function") throw_js("TypeError", "Runtime.run: onEvent must be a function");
    struct Running {
      Runtime& rt;
      explicit Running(Runtime& r, val fn) : rt(r) {
        rt.running_ = true;
        rt.on_event_ = std::move(fn);
      }
      ~Running() {
        rt.running_ = false;
        rt.on_event_ = val::undefined();
        rt.pending_.clear();
      }
    } guard(*this, std::move(on_event));
    const double start = emscripten_get_now();
    last_flush_ = -1e9;
    last_poll_ = start;
    py::CellResult r = interp_->run_cell(code, cell_id.empty() ? std::string("<cell>") : cell_id);
    flush();
    std::string status = "ok";
    if (r.status == py::CellStatus::Error || r.status == py::CellStatus::SyntaxError ||
        (r.status == py::CellStatus::Exit && r.exit_code != 0)) {
      status = r.stop_reason == 1 ? "interrupted" : r.stop_reason == 2 ? "timeout" : "error";
      val e = val::object();
      e.set("type", "error");
      e.set("ename", r.status == py::CellStatus::Exit ? std::string("SystemExit") : r.error_type);
      e.set("evalue", r.status == py::CellStatus::Exit ? std::to_string(r.exit_code) : r.error_message);
      e.set("traceback", r.traceback);
      e.set("line", r.error_line);
      emit(e);
    }
    val done = val::object();
    done.set("type", "done");
    done.set("status", status);
    done.set("elapsedMs", emscripten_get_now() - start);
    emit(done);
  }

  void reset() {
    if (running_) throw_js("Error", "Runtime.reset: a cell is running");
    interp_->reset();
  }

  // Ends a program run as CPython does at exit (the CLI's behaviour): the
  // namespace is cleared in CPython's order, so finalizers run; what they
  // print is reported as stream events. Then reset() gives a fresh session.
  void shutdown(val on_event) {
    if (running_) throw_js("Error", "Runtime.shutdown: a cell is running");
    if (on_event.typeOf().as<std::string>() != "function")
      throw_js("TypeError", "Runtime.shutdown: onEvent must be a function");
    running_ = true;
    on_event_ = std::move(on_event);
    last_flush_ = -1e9;
    interp_->shutdown();
    flush();
    running_ = false;
    on_event_ = val::undefined();
  }

  void set_time_budget(double seconds) {
    if (!(seconds >= 0)) throw_js("RangeError", "setTimeBudget: seconds must be >= 0 (0 = no budget)");
    interp_->set_time_budget(seconds);
  }

  void set_interrupt_poll(val fn) {
    if (fn.isNull() || fn.isUndefined()) {
      poll_ = val::undefined();
      has_poll_ = false;
      return;
    }
    if (fn.typeOf().as<std::string>() != "function") throw_js("TypeError", "setInterruptPoll: expected a function or null");
    poll_ = std::move(fn);
    has_poll_ = true;
  }

 private:
  std::unique_ptr<py::Interpreter> interp_;
  val on_event_ = val::undefined();
  val poll_ = val::undefined();
  bool has_poll_ = false;
  bool running_ = false;
  std::string pending_;
  py::OutputStream pending_stream_ = py::OutputStream::Stdout;
  double last_flush_ = -1e9;
  double last_poll_ = 0;

  void emit(const val& event) {
    if (!on_event_.isUndefined()) on_event_(event);
  }

  void flush() {
    if (pending_.empty()) return;
    val e = val::object();
    e.set("type", "stream");
    e.set("name", pending_stream_ == py::OutputStream::Stdout ? "stdout" : "stderr");
    e.set("text", pending_);
    pending_.clear();
    last_flush_ = emscripten_get_now();
    emit(e);
  }

  void install_hooks() {
    interp_->set_output([this](py::OutputStream s, std::string_view text) {
      if (!running_) return;
      if (!pending_.empty() && s != pending_stream_) flush();
      pending_stream_ = s;
      pending_.append(text.data(), text.size());
      if (pending_.size() >= 65536 || emscripten_get_now() - last_flush_ >= kFlushMs) flush();
    });
    interp_->set_figure_sink([this](const std::string& json) {
      if (!running_) return;
      flush();
      val e = val::object();
      e.set("type", "figure");
      e.set("figure", val::global("JSON").call<val>("parse", json));
      emit(e);
    });
    interp_->set_interrupt_hook([this]() {
      const double now = emscripten_get_now();
      if (!pending_.empty() && now - last_flush_ >= kFlushMs) flush();
      if (!has_poll_ || now - last_poll_ < kPollMs) return false;
      last_poll_ = now;
      return !!poll_();  // JS truthiness: 1 from Atomics.load, true, ...
    });
  }
};

// figureSvg(figure) -> string: the SVG the native CLI writes for a figure
// event's data (a figure object or its JSON text).
std::string figure_svg(const val& figure) {
  std::string json = figure.typeOf().as<std::string>() == "string"
                         ? figure.as<std::string>()
                         : val::global("JSON").call<std::string>("stringify", figure);
  try {
    return py::figure_to_svg(py::figure_from_json(json));
  } catch (const std::exception& e) {
    throw_js("TypeError", std::string("figureSvg: ") + e.what());
  }
}

}  // namespace
}  // namespace lesson::wasm

EMSCRIPTEN_BINDINGS(lesson_runtime) {
  using lesson::wasm::Runtime;
  emscripten::class_<Runtime>("Runtime")
      .constructor<>()
      .function("run", &Runtime::run)
      .function("reset", &Runtime::reset)
      .function("shutdown", &Runtime::shutdown)
      .function("setTimeBudget", &Runtime::set_time_budget)
      .function("setInterruptPoll", &Runtime::set_interrupt_poll);
  emscripten::function("figureSvg", &lesson::wasm::figure_svg);
}
