#include "python/obj_generator.hpp"

#include <cstdio>

#include "python/frame.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type generator_type("generator", &object_type);

Generator::Generator(std::unique_ptr<Frame> f) : Object(&generator_type), frame(std::move(f)) {
  frame->generator = this;
}

Generator::~Generator() = default;

// run_frame returns the yielded value with frame->yielded set, or the return
// value with it cleared.
ObjRef Generator::resume(Vm& vm, Object* sent) {
  if (finished) return nullptr;
  if (running) raise_value_error("generator already executing");
  if (!started && sent && !is_none(sent))
    raise_type_error("can't send non-None value to a just-started generator");
  if (started) {
    *frame->sp++ = ObjRef(sent ? sent : none());
  }
  started = true;
  running = true;
  ObjRef r;
  try {
    CallDepthGuard guard(vm);
    r = vm.run_frame(frame.get());
  } catch (PyError& e) {
    running = false;
    finished = true;
    frame.reset();
    if (isinstance(e.exc.get(), &t_StopIteration)) {
      // PEP 479: a StopIteration escaping a generator becomes RuntimeError.
      Ref<BaseExc> err = make_exception(&t_RuntimeError, "generator raised StopIteration");
      err->cause = e.exc;
      err->context = e.exc;
      err->suppress_context = true;
      throw PyError{err};
    }
    throw;
  } catch (...) {
    running = false;
    finished = true;
    frame.reset();
    throw;
  }
  running = false;
  if (!frame->yielded) {  // returned
    finished = true;
    return_value = r;
    frame.reset();
    return nullptr;
  }
  return r;
}

ObjRef Generator::resume_throw(Vm& vm, Ref<BaseExc> exc) {
  if (finished) throw PyError{exc};
  if (!started) {
    finished = true;
    frame.reset();
    throw PyError{exc};
  }
  // Push a marker the evaluator turns into a raise at the resume point.
  frame->pending_throw = exc;
  return resume(vm, none());
}

void Generator::close(Vm& vm) {
  if (finished || !started) {
    finished = true;
    frame.reset();
    return;
  }
  try {
    ObjRef r = resume_throw(vm, make_exception(&t_GeneratorExit, Ref<Tuple>(empty_tuple())));
    if (r) raise(&t_RuntimeError, "generator ignored GeneratorExit");
  } catch (PyError& e) {
    if (!isinstance(e.exc.get(), &t_GeneratorExit) && !isinstance(e.exc.get(), &t_StopIteration)) throw;
  }
}

namespace {

Generator* self_gen(const Args& a) {
  if (a.npos == 0 || a[0]->type() != &generator_type) raise_type_error("expected a generator");
  return static_cast<Generator*>(a[0]);
}

ObjRef finish_value(Generator* g) {
  ObjRef v = g->return_value;
  g->return_value.reset();
  raise_stop_iteration(v && !is_none(v.get()) ? v : ObjRef());
}

}  // namespace

void init_generator_type() {
  type_dict(&generator_type);
  generator_type.subclassable = false;
  TypeSlots& s = generator_type.slots;
  s.iter = [](Vm&, Object* o) { return ObjRef(o); };
  s.next = [](Vm& vm, Object* o) { return static_cast<Generator*>(o)->resume(vm, none()); };
  s.repr = [](Vm&, Object* o) -> ObjRef {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(o)));
    return make_str("<generator object " + static_cast<Generator*>(o)->qualname + " at " + buf + ">");
  };
  add_method(&generator_type, "send", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "send", 2, 2);
    Generator* g = self_gen(a);
    ObjRef r = g->resume(vm, a[1]);
    if (!r) return finish_value(g);
    return r;
  });
  add_method(&generator_type, "__next__", [](Vm& vm, const Args& a) -> ObjRef {
    Generator* g = self_gen(a);
    ObjRef r = g->resume(vm, none());
    if (!r) return finish_value(g);
    return r;
  });
  add_method(&generator_type, "throw", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "throw", 2, 4);
    Generator* g = self_gen(a);
    Ref<BaseExc> exc;
    if (is_exception(a[1])) {
      exc = Ref<BaseExc>(static_cast<BaseExc*>(a[1]));
    } else if (is_exception_type(a[1])) {
      ObjRef made = vm.call(a[1], a.npos > 2 ? std::initializer_list<Object*>{a[2]} : std::initializer_list<Object*>{});
      exc = Ref<BaseExc>(static_cast<BaseExc*>(made.get()));
    } else {
      raise_type_error("exceptions must be classes or instances deriving from BaseException, not " + type_name(a[1]));
    }
    ObjRef r = g->resume_throw(vm, exc);
    if (!r) return finish_value(g);
    return r;
  });
  add_method(&generator_type, "close", [](Vm& vm, const Args& a) -> ObjRef {
    self_gen(a)->close(vm);
    return ObjRef(none());
  });
  add_getter(&generator_type, "__name__", [](Vm&, const Args& a) -> ObjRef { return make_str(self_gen(a)->name); });
}

}  // namespace lesson::python
