// The time module (wall clock, performance counters, sleep that stays
// interruptible) and a small sys module (stdout/stderr writers, exit,
// recursion limit).
#include <chrono>
#include <cmath>
#include <string>

#include "python/modules.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

namespace {

void add_fn(Module& m, const char* name, NativeFn fn) {
  Ref<NativeFunction> f = make_native(name, std::move(fn));
  m.dict->set_str(name, f.get());
}

double seconds_since_epoch() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

double monotonic_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

Type stream_type("TextIOWrapper", &object_type);

struct Stream : Object {
  explicit Stream(OutputStream s) : Object(&stream_type), which(s) {}
  OutputStream which;
};

}  // namespace

void init_time_module(Vm&, Module& m) {
  add_fn(m, "time", [](Vm&, const Args&) -> ObjRef { return make_float(seconds_since_epoch()); });
  add_fn(m, "time_ns", [](Vm&, const Args&) -> ObjRef {
    using namespace std::chrono;
    return make_int(duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count());
  });
  add_fn(m, "perf_counter", [](Vm&, const Args&) -> ObjRef { return make_float(monotonic_seconds()); });
  add_fn(m, "perf_counter_ns", [](Vm&, const Args&) -> ObjRef {
    using namespace std::chrono;
    return make_int(duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count());
  });
  add_fn(m, "monotonic", [](Vm&, const Args&) -> ObjRef { return make_float(monotonic_seconds()); });
  add_fn(m, "process_time", [](Vm&, const Args&) -> ObjRef { return make_float(monotonic_seconds()); });
  add_fn(m, "sleep", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "sleep", 1, 1);
    double s;
    if (!to_double(a[0], s))
      raise_type_error("'" + type_name(a[0]) + "' object cannot be interpreted as an integer or float");
    if (s < 0) raise_value_error("sleep length must be non-negative");
    // No threads in the cell runtime: wait in a loop that keeps polling the
    // interrupt flag and the time budget.
    double until = monotonic_seconds() + s;
    while (monotonic_seconds() < until) vm.check_interrupts();
    return ObjRef(none());
  });
}

void init_sys_module(Vm& vm, Module& m) {
  if (!stream_type.dict) {
    type_dict(&stream_type);
    add_method(&stream_type, "write", [](Vm& v, const Args& a) -> ObjRef {
      check_nargs(a, "write", 2, 2);
      if (!is_str(a[1])) raise_type_error("write() argument must be str, not " + type_name(a[1]));
      v.write(static_cast<Stream*>(a[0])->which, str_value(a[1]));
      return make_int(static_cast<Str*>(a[1])->length());
    });
    add_method(&stream_type, "flush", [](Vm&, const Args&) -> ObjRef { return ObjRef(none()); });
  }
  Dict* d = m.dict;
  d->set_str("stdout", ObjRef(new Stream(OutputStream::Stdout)).get());
  d->set_str("stderr", ObjRef(new Stream(OutputStream::Stderr)).get());
  d->set_str("argv", make_list({make_str("")}).get());
  d->set_str("version", make_str("3.11.7 (lesson runtime)").get());
  d->set_str("version_info", make_tuple({make_int(3).get(), make_int(11).get(), make_int(7).get(),
                                         make_str("final").get(), make_int(0).get()})
                                 .get());
  d->set_str("maxsize", make_int(INT64_MAX).get());
  d->set_str("modules", vm.modules.get());
  d->set_str("platform", make_str("lesson").get());
  add_fn(m, "exit", [](Vm&, const Args& a) -> ObjRef {
    throw PyError{make_exception(&t_SystemExit, make_tuple(std::vector<ObjRef>(a.pos, a.pos + a.npos)))};
  });
  add_fn(m, "getrecursionlimit", [](Vm& v, const Args&) -> ObjRef { return make_int(v.recursion_limit); });
  add_fn(m, "setrecursionlimit", [](Vm& v, const Args& a) -> ObjRef {
    check_nargs(a, "setrecursionlimit", 1, 1);
    std::int64_t n = index_value(v, a[0]);
    if (n < 1) raise_value_error("recursion limit must be greater or equal than 1");
    // Native re-entry uses the C++ stack; keep the ceiling safe for wasm.
    v.recursion_limit = static_cast<int>(std::min<std::int64_t>(n, 5000));
    return ObjRef(none());
  });
}

}  // namespace lesson::python
