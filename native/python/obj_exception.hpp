// Exceptions: CPython's hierarchy, args/str/repr, chaining (__cause__,
// __context__) and the traceback entries collected while unwinding.
#pragma once

#include <string>
#include <vector>

#include "python/code.hpp"
#include "python/object.hpp"

namespace lesson::python {

struct TracebackEntry {
  Ref<Code> code;
  int line;
};

class BaseExc : public Object {
 public:
  explicit BaseExc(Type* t);
  ~BaseExc() override;
  Dict* instance_dict() override { return dict; }

  Ref<Tuple> args;
  Dict* dict = nullptr;  // owned
  ObjRef cause;
  ObjRef context;
  bool suppress_context = false;
  ObjRef value;  // StopIteration.value
  ObjRef name;   // NameError.name, AttributeError.name
  ObjRef obj;    // AttributeError.obj
  std::string suggestion;  // NameError: "Did you mean" candidate, found when raised
  std::vector<TracebackEntry> traceback;  // innermost frame first
};

// Sources that implement library modules in Python (run_module_source: the
// torch.nn classes, torch.optim, collections). Their frames are left out of
// tracebacks, so an error raised inside nn.BatchNorm1d reads like the
// lessons' recorded outputs: the learner's cells, then the error.
void mark_library_source(const std::string& filename);
bool is_library_source(const std::string& filename);

// The C++ exception that carries a Python exception through native code.
struct PyError {
  Ref<BaseExc> exc;
  bool reraise = false;  // re-raised: do not add a traceback entry for the raising frame
};

#define LESSON_PY_EXCEPTIONS(X)                                  \
  X(BaseException, nullptr)                                      \
  X(SystemExit, BaseException)                                   \
  X(KeyboardInterrupt, BaseException)                            \
  X(GeneratorExit, BaseException)                                \
  X(Exception, BaseException)                                    \
  X(StopIteration, Exception)                                    \
  X(ArithmeticError, Exception)                                  \
  X(FloatingPointError, ArithmeticError)                         \
  X(OverflowError, ArithmeticError)                              \
  X(ZeroDivisionError, ArithmeticError)                          \
  X(AssertionError, Exception)                                   \
  X(AttributeError, Exception)                                   \
  X(BufferError, Exception)                                      \
  X(EOFError, Exception)                                         \
  X(ImportError, Exception)                                      \
  X(ModuleNotFoundError, ImportError)                            \
  X(LookupError, Exception)                                      \
  X(IndexError, LookupError)                                     \
  X(KeyError, LookupError)                                       \
  X(MemoryError, Exception)                                      \
  X(NameError, Exception)                                        \
  X(UnboundLocalError, NameError)                                \
  X(OSError, Exception)                                          \
  X(FileNotFoundError, OSError)                                  \
  X(PermissionError, OSError)                                    \
  X(TimeoutError, OSError)                                       \
  X(ReferenceError, Exception)                                   \
  X(RuntimeError, Exception)                                     \
  X(NotImplementedError, RuntimeError)                           \
  X(RecursionError, RuntimeError)                                \
  X(SyntaxError, Exception)                                      \
  X(IndentationError, SyntaxError)                               \
  X(TabError, IndentationError)                                  \
  X(SystemError, Exception)                                      \
  X(TypeError, Exception)                                        \
  X(ValueError, Exception)                                       \
  X(UnicodeError, ValueError)                                    \
  X(Warning, Exception)                                          \
  X(UserWarning, Warning)                                        \
  X(DeprecationWarning, Warning)                                 \
  X(RuntimeWarning, Warning)                                     \
  X(FutureWarning, Warning)                                      \
  X(PendingDeprecationWarning, Warning)                          \
  X(SyntaxWarning, Warning)                                      \
  X(ImportWarning, Warning)                                      \
  X(UnicodeWarning, Warning)                                     \
  X(BytesWarning, Warning)                                       \
  X(ResourceWarning, Warning)

#define LESSON_PY_EXC_DECL(name, base) extern Type t_##name;
LESSON_PY_EXCEPTIONS(LESSON_PY_EXC_DECL)
#undef LESSON_PY_EXC_DECL

inline bool is_exception(const Object* o) { return isinstance(o, &t_BaseException); }
bool is_exception_type(const Object* o);

Ref<BaseExc> make_exception(Type* t, std::string message);
Ref<BaseExc> make_exception(Type* t, Ref<Tuple> args);

[[noreturn]] void raise(Type* t, std::string message);
[[noreturn]] void raise(Ref<BaseExc> exc);
[[noreturn]] void raise_type_error(std::string message);
[[noreturn]] void raise_value_error(std::string message);
[[noreturn]] void raise_index_error(std::string message);
[[noreturn]] void raise_attribute_error(Object* obj, const Str* name);
[[noreturn]] void raise_key_error(Object* key);
[[noreturn]] void raise_zero_division(std::string message = "division by zero");
[[noreturn]] void raise_stop_iteration(ObjRef value = nullptr);
// SyntaxError (or IndentationError) with CPython's attributes. `offset` and
// `end_offset` are 1-based byte columns of `text`, stored as CPython's
// character offsets; end_offset 0 marks one position.
Ref<BaseExc> make_syntax_error(Type* t, const std::string& msg, const std::string& filename, int lineno, int offset,
                               const std::string& text, int end_offset = 0);
// The closest name by CPython's suggestion metric, or "" (for "Did you mean").
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

// str(e) as Python computes it (KeyError shows the repr of a lone key).
std::string exception_str(Vm& vm, BaseExc* e);
// The last line of a traceback: "ValueError: bad" or "ValueError".
std::string exception_summary(Vm& vm, BaseExc* e);
// The whole report CPython prints for an uncaught exception, chained
// exceptions first.
std::string format_exception(Vm& vm, BaseExc* e);

void init_exception_types();

}  // namespace lesson::python
