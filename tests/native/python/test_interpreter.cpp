// The Interpreter facade: cells sharing a namespace, output streaming,
// interrupts and time budgets, and the extension points a native module
// (like torch) uses — shown here with a small native type.
#include <doctest/doctest.h>

#include <new>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "python/interpreter.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"

using namespace lesson::python;

namespace {

struct Session {
  Interpreter py;
  std::string out, err;
  std::vector<std::string> chunks;
  Session() {
    py.set_output([this](OutputStream s, std::string_view t) {
      chunks.emplace_back(t);
      (s == OutputStream::Stdout ? out : err).append(t);
    });
  }
  CellResult run(const std::string& code, int n = 1) { return py.run_cell(code, cell_filename(n)); }
};

// ---- a native type, the way a torch Tensor binding plugs in

int g_live_probes = 0;
Type probe_type("Probe", &object_type);

struct Probe : Object {
  explicit Probe(std::int64_t v) : Object(&probe_type), value(v) { ++g_live_probes; }
  ~Probe() override { --g_live_probes; }
  std::int64_t value;
};

std::int64_t probe_value(Object* o) { return static_cast<Probe*>(o)->value; }

void init_probe_type() {
  if (probe_type.dict) return;
  type_dict(&probe_type);
  probe_type.module = "demo";
  TypeSlots& s = probe_type.slots;
  s.construct = [](Vm& vm, Type*, const Args& a) -> ObjRef {
    check_nargs(a, "Probe", 0, 1);
    return ObjRef(new Probe(a.npos ? index_value(vm, a[0]) : 0));
  };
  s.repr = [](Vm&, Object* self) -> ObjRef { return make_str("Probe(" + std::to_string(probe_value(self)) + ")"); };
  s.binary = [](Vm&, Object* self, Object* other, BinOp op) -> ObjRef {
    if (op != BinOp::Add && op != BinOp::MatMul) return nullptr;
    std::int64_t o = other->type() == &probe_type ? probe_value(other) : is_int(other) ? int_value(other) : -1;
    if (o < 0) return nullptr;
    return ObjRef(new Probe(op == BinOp::Add ? probe_value(self) + o : probe_value(self) * o));
  };
  s.rbinary = [](Vm&, Object* self, Object* other, BinOp op) -> ObjRef {
    if (op != BinOp::Add || !is_int(other)) return nullptr;
    return ObjRef(new Probe(probe_value(self) + int_value(other)));
  };
  s.getitem = [](Vm& vm, Object* self, Object* key) -> ObjRef {
    return make_int(probe_value(self) * index_value(vm, key));
  };
  add_method(&probe_type, "double", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "Probe.double", 1, 1);
    return ObjRef(new Probe(probe_value(a[0]) * 2));
  });
  add_property(
      &probe_type, "value", [](Vm&, const Args& a) -> ObjRef { return make_int(probe_value(a[0])); },
      [](Vm& vm, const Args& a) -> ObjRef {
        static_cast<Probe*>(a[0])->value = index_value(vm, a[1]);
        return ObjRef(none());
      });
  add_method(&probe_type, "__enter__", [](Vm& vm, const Args& a) -> ObjRef {
    vm.write(OutputStream::Stdout, "enter\n");
    return ObjRef(a[0]);
  });
  add_method(&probe_type, "__exit__", [](Vm& vm, const Args&) -> ObjRef {
    vm.write(OutputStream::Stdout, "exit\n");
    return ObjRef(make_bool(false));
  });
}

void init_demo_module(Vm& vm, Module& m) {
  init_probe_type();
  m.dict->set_str("Probe", &probe_type);
  m.dict->set_str("live", make_native("live", [](Vm&, const Args&) -> ObjRef { return make_int(g_live_probes); }).get());
  m.dict->set_str("fail", make_native("fail", [](Vm&, const Args&) -> ObjRef {
                              throw lesson::TorchError(lesson::ErrorKind::ValueError, "shapes do not match");
                            }).get());
  m.dict->set_str("oom", make_native("oom", [](Vm&, const Args&) -> ObjRef { throw std::bad_alloc(); }).get());
  // Part of a module written in Python.
  run_module_source(vm, m,
                    "class Module:\n"
                    "    def __call__(self, *args):\n"
                    "        return self.forward(*args)\n",
                    "<demo>");
}

}  // namespace

TEST_CASE("python interpreter: cells share one namespace and are named in tracebacks") {
  Session s;
  CHECK(s.run("x = 40\ndef f(v):\n    return v['missing']\n", 1).status == CellStatus::Ok);
  CHECK(s.run("print(x + 2)", 2).status == CellStatus::Ok);
  CHECK(s.out == "42\n");
  CellResult r = s.run("y = 1\nf({})\n", 3);
  CHECK(r.status == CellStatus::Error);
  CHECK(r.error_type == "KeyError");
  CHECK(s.err ==
        "Traceback (most recent call last):\n"
        "  File \"<cell 3>\", line 2, in <module>\n"
        "    f({})\n"
        "  File \"<cell 1>\", line 3, in f\n"
        "    return v['missing']\n"
        "KeyError: 'missing'\n");
  s.err.clear();
  CellResult syn = s.run("z = (\n", 4);
  CHECK(syn.status == CellStatus::SyntaxError);
  CHECK(s.err == "  File \"<cell 4>\", line 1\n    z = (\n        ^\nSyntaxError: '(' was never closed\n");
  s.py.reset();
  s.err.clear();
  s.run("print(x)", 5);
  CHECK(s.err.find("NameError: name 'x' is not defined") != std::string::npos);
}

TEST_CASE("python interpreter: output streams through the sink as it is printed") {
  Session s;
  s.run("print('a')\nprint('b', end='')\nimport sys\nsys.stderr.write('warn\\n')\nprint(1/0)");
  REQUIRE(s.chunks.size() >= 4);
  CHECK(s.chunks[0] == "a\n");
  CHECK(s.chunks[1] == "b");
  CHECK(s.chunks[2] == "warn\n");
  CHECK(s.out == "a\nb");
  CHECK(s.err.find("ZeroDivisionError: division by zero") != std::string::npos);
}

TEST_CASE("python interpreter: interrupts and the time budget stop endless loops") {
  Session s;
  int polls = 0;
  s.py.set_interrupt_hook([&polls] { return ++polls > 5; });
  CellResult r = s.run("while True:\n    pass\n");
  CHECK(r.error_type == "KeyboardInterrupt");
  CHECK(s.err.find("KeyboardInterrupt\n") != std::string::npos);
  // A bare except cannot swallow the interrupt: it is raised again.
  polls = 0;
  r = s.run("while True:\n    try:\n        while True: pass\n    except:\n        pass\n");
  CHECK(r.error_type == "KeyboardInterrupt");
  s.py.set_interrupt_hook(nullptr);
  // interrupt() (or a write to interrupt_flag()) stops the next cell early.
  s.py.interrupt();
  CHECK(*s.py.interrupt_flag() != 0);
  r = s.run("for i in range(10**9):\n    pass\n");
  CHECK(r.error_type == "KeyboardInterrupt");
  // The session is still usable.
  s.out.clear();
  CHECK(s.run("print('still here')").status == CellStatus::Ok);
  CHECK(s.out == "still here\n");
  s.py.set_time_budget(0.05);
  s.err.clear();
  r = s.run("def spin():\n    while True:\n        pass\nspin()\n");
  CHECK(r.error_type == "TimeoutError");
  CHECK(s.err.find("TimeoutError: the cell ran longer than its time budget of 0.05 seconds and was stopped") !=
        std::string::npos);
}

TEST_CASE("python interpreter: input, recursion and memory errors are clear and recoverable") {
  Session s;
  CellResult r = s.run("name = input('Name? ')");
  CHECK(r.error_type == "RuntimeError");
  CHECK(s.err.find("RuntimeError: input() is not supported: lesson cells cannot read keyboard input") !=
        std::string::npos);
  s.err.clear();
  r = s.run("def f(n):\n    return f(n + 1)\nf(0)\n");
  CHECK(r.error_type == "RecursionError");
  CHECK(s.err.find("[Previous line repeated 996 more times]") != std::string::npos);
  // Deep recursion through native re-entry (class construction) is bounded too.
  r = s.run("class Node:\n    def __init__(self, n):\n        self.child = Node(n + 1)\nNode(0)\n");
  CHECK(r.error_type == "RecursionError");
  s.out.clear();
  CHECK(s.run("print(sum(range(5)))").status == CellStatus::Ok);
  CHECK(s.out == "10\n");
  CellResult e = s.run("import sys\nsys.exit(3)");
  CHECK(e.status == CellStatus::Exit);
  CHECK(e.exit_code == 3);
}

TEST_CASE("python interpreter: __del__ runs when the last reference goes") {
  Session s;
  s.run(
      "class R:\n"
      "    def __init__(self, n):\n"
      "        self.n = n\n"
      "    def __del__(self):\n"
      "        print('del', self.n)\n"
      "        if self.n == 2:\n"
      "            raise ValueError('in finalizer')\n"
      "a = R(1)\n"
      "a = None\n"
      "b = R(2)\n"
      "del b\n"
      "print('after')\n");
  CHECK(s.out == "del 1\ndel 2\nafter\n");
  CHECK(s.err.find("Exception ignored in: <function R.__del__ at 0x") == 0);
  CHECK(s.err.find("ValueError: in finalizer\n") != std::string::npos);
  // Objects kept by the namespace are finalized by shutdown(), not by cells ending.
  s.out.clear();
  s.run("keep = R(3)\n", 2);
  CHECK(s.out == "");
  s.py.shutdown();
  CHECK(s.out == "del 3\n");
}

TEST_CASE("python interpreter: native modules and types plug in without evaluator changes") {
  Session s;
  s.py.register_module("demo", init_demo_module);
  s.py.register_module("demo.sub", [](Vm&, Module& m) { m.dict->set_str("answer", make_int(42).get()); });
  CellResult r = s.run(
      "import demo\n"
      "from demo.sub import answer\n"
      "p = demo.Probe(3)\n"
      "print(p, p + 1, 1 + p, p + p, p @ 2, p[5], p.double(), p.value, answer)\n"
      "p.value = 10\n"
      "print(p.value, type(p).__name__, isinstance(p, demo.Probe))\n"
      "with demo.Probe(1) as q:\n"
      "    print('inside', q)\n"
      "class Net(demo.Module):\n"
      "    def forward(self, x):\n"
      "        return x * 2\n"
      "print(Net()(21))\n");
  CHECK(r.status == CellStatus::Ok);
  CHECK(s.err == "");
  CHECK(s.out ==
        "Probe(3) Probe(4) Probe(4) Probe(6) Probe(6) 15 Probe(6) 3 42\n"
        "10 Probe True\n"
        "enter\ninside Probe(1)\nexit\n"
        "42\n");
  s.out.clear();
  // Reference counting: each Probe is freed the moment its last reference goes.
  r = s.run(
      "base = demo.live()\n"
      "for i in range(1000):\n"
      "    t = demo.Probe(i)\n"
      "print(demo.live() - base)\n"
      "del t\n"
      "print(demo.live() - base)\n");
  CHECK(s.out == "1\n0\n");
  // C++ errors become Python exceptions with the library's message.
  s.err.clear();
  r = s.run("demo.fail()");
  CHECK(r.error_type == "ValueError");
  CHECK(s.err.find("ValueError: shapes do not match") != std::string::npos);
  r = s.run("demo.oom()");
  CHECK(r.error_type == "MemoryError");
  s.err.clear();
  r = s.run("import nonexistent");
  CHECK(s.err.find("ModuleNotFoundError: No module named 'nonexistent'") != std::string::npos);
}
