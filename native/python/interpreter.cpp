#include "python/interpreter.hpp"

#include "python/code_serialize.hpp"
#include "python/compiler.hpp"
#include "python/frozen.hpp"
#include "python/figure.hpp"
#include "python/modules.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"

namespace lesson::python {

std::string cell_filename(int n) { return "<cell " + std::to_string(n) + ">"; }

Interpreter::Interpreter() : vm_(std::make_unique<Vm>()) {}
Interpreter::~Interpreter() = default;

void Interpreter::set_output(OutputSink sink) { vm_->output = std::move(sink); }

void Interpreter::interrupt() { vm_->interrupt_requested = 1; }
volatile std::int32_t* Interpreter::interrupt_flag() { return &vm_->interrupt_requested; }
void Interpreter::set_interrupt_hook(std::function<bool()> hook) { vm_->interrupt_hook = std::move(hook); }
void Interpreter::set_time_budget(double seconds) { vm_->time_budget_seconds = seconds; }

void Interpreter::set_figure_sink(std::function<void(const std::string& json)> sink) {
  if (!sink) {
    vm_->figure_sink = nullptr;
    return;
  }
  vm_->figure_sink = [sink = std::move(sink)](const FigureData& fig) { sink(figure_to_json(fig)); };
}

void Interpreter::set_figure_data_sink(std::function<void(const FigureData&)> sink) {
  vm_->figure_sink = std::move(sink);
}

void Interpreter::register_module(const std::string& name, ModuleInit init) {
  vm_->native_modules[name] = std::move(init);
}

void Interpreter::reset() {
  Vm& vm = *vm_;
  vm.reset_namespace();
  std::size_t pos = 0;
  const Dict::Entry* e;
  std::vector<ObjRef> mods;
  while (vm.modules->next(pos, e)) mods.push_back(e->value);
  vm.modules->clear();
  for (ObjRef& m : mods)
    if (Dict* d = m->instance_dict()) d->clear();
  vm.plot_state.reset();
  vm.interrupt_requested = 0;
  vm.stop_reason = 0;
}

void Interpreter::shutdown() {
  Vm& vm = *vm_;
  Vm* saved = active_vm();
  set_active_vm(&vm);
  // CPython clears __main__ in two passes: names starting with one
  // underscore first, then the rest (each set to None, in dict order).
  std::vector<Ref<Str>> first, second;
  std::size_t pos = 0;
  const Dict::Entry* e;
  while (vm.main_globals->next(pos, e)) {
    if (!is_str(e->key.get())) continue;
    const std::string& k = str_value(e->key.get());
    if (k == "__builtins__") continue;
    (k.size() > 0 && k[0] == '_' && (k.size() < 2 || k[1] != '_') ? first : second)
        .emplace_back(static_cast<Str*>(e->key.get()));
  }
  for (auto* list : {&first, &second})
    for (Ref<Str>& k : *list) {
      try {
        vm.main_globals->set_str(intern(k->value), none());
      } catch (PyError&) {
      }
    }
  set_active_vm(saved);
}

namespace {

CellResult report_syntax_error(Vm& vm, const SyntaxErrorInfo& err, const std::string& source,
                               const std::string& filename) {
  std::string text;
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i < source.size() && line < static_cast<std::size_t>(err.line); ++i)
    if (source[i] == '\n') {
      ++line;
      start = i + 1;
    }
  if (!err.text.empty()) {
    text = err.text;
  } else if (static_cast<int>(line) == err.line) {
    std::size_t end = source.find('\n', start);
    text = source.substr(start, end == std::string::npos ? std::string::npos : end - start);
  }
  Type* t = err.indentation ? &t_IndentationError : &t_SyntaxError;
  Ref<BaseExc> exc = make_syntax_error(t, err.message, filename, err.line, err.col, text, err.end_col);
  CellResult r;
  r.status = CellStatus::SyntaxError;
  r.error_type = t->name;
  r.error_message = err.message;
  r.error_line = err.line > 0 ? err.line : 0;
  r.traceback = format_exception(vm, exc.get());
  r.exit_code = 1;
  vm.write(OutputStream::Stderr, r.traceback);
  return r;
}

}  // namespace

CellResult Interpreter::run_cell(const std::string& code, const std::string& filename) {
  Vm& vm = *vm_;
  CellResult result;
  SyntaxErrorInfo err;
  Ref<Code> compiled = compile_source(code, filename, err);
  if (!compiled) return report_syntax_error(vm, err, code, filename);
  vm.depth = 0;
  vm.handled_exc.reset();
  vm.start_budget();
  struct ActiveVm {
    Vm* saved;
    explicit ActiveVm(Vm* v) : saved(active_vm()) { set_active_vm(v); }
    ~ActiveVm() { set_active_vm(saved); }
  } active(&vm);
  try {
    vm.run_code(compiled.get(), vm.main_globals.get(), vm.main_globals.get());
    show_open_figures(vm);
  } catch (PyError& e) {
    vm.depth = 0;
    vm.handled_exc.reset();
    result.stop_reason = vm.stop_reason;
    vm.stop_reason = 0;
    BaseExc* exc = e.exc.get();
    if (isinstance(exc, &t_SystemExit)) {
      result.status = CellStatus::Exit;
      try {
        show_open_figures(vm);
      } catch (PyError&) {
      }
      Object* codeobj = exc->args->size() == 1 ? exc->args->items[0].get() : none();
      if (exc->args->size() > 1) codeobj = exc->args.get();
      if (is_none(codeobj)) {
        result.exit_code = 0;
      } else if (is_int(codeobj)) {
        result.exit_code = static_cast<int>(int_value(codeobj));
      } else {
        result.exit_code = 1;
        std::string msg = str_string(vm, codeobj) + "\n";
        result.traceback = msg;
        vm.write(OutputStream::Stderr, msg);
      }
      return result;
    }
    result.status = CellStatus::Error;
    result.error_type = exc->type()->name;
    result.exit_code = 1;
    for (const TracebackEntry& t : exc->traceback)  // innermost first
      if (t.code && t.code->filename() == filename) {
        result.error_line = t.line;
        break;
      }
    try {
      result.error_message = exception_str(vm, exc);
    } catch (PyError&) {
      result.error_message = "<unprintable>";
    }
    try {
      result.traceback = format_exception(vm, exc);
    } catch (PyError&) {
      result.traceback = "Traceback (most recent call last):\n" + exc->type()->name + ": <unprintable>\n";
    }
    // Figures drawn before the error are shown too, as Jupyter does.
    try {
      show_open_figures(vm);
    } catch (PyError&) {
    }
    vm.write(OutputStream::Stderr, result.traceback);
  }
  vm.stop_reason = 0;
  return result;
}

void Interpreter::run_module_source(Module& module, const std::string& source, const std::string& filename) {
  python::run_module_source(*vm_, module, source, filename);
}

namespace {
ModuleSourceObserver& module_source_observer() {
  static ModuleSourceObserver observer;
  return observer;
}
}  // namespace

void set_module_source_observer(ModuleSourceObserver observer) { module_source_observer() = std::move(observer); }

void run_module_source(Vm& vm, Module& module, const std::string& source, const std::string& filename) {
  Ref<Code> compiled;
  if (const FrozenCode* frozen = find_frozen_code(filename, source)) {
    compiled = deserialize_code(std::string_view(frozen->data, frozen->size),
                                make_source_text(filename, source));
  } else {
    SyntaxErrorInfo err;
    compiled = compile_source(source, filename, err);
    if (!compiled) {
      Ref<BaseExc> exc = make_syntax_error(&t_SyntaxError, err.message, filename, err.line, err.col, "");
      throw PyError{exc};
    }
    if (module_source_observer()) module_source_observer()(filename, source, *compiled);
  }
  module.dict->set_str("__builtins__", vm.builtins.get());
  mark_library_source(filename);
  vm.run_code(compiled.get(), module.dict, module.dict);
}

}  // namespace lesson::python
