// The value types: int (64-bit, overflow raises), float text, str, dict and
// set behaviour that printed output depends on.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "python/format.hpp"
#include "python/interpreter.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_set.hpp"
#include "python/obj_str.hpp"
#include "python/ops.hpp"

using namespace lesson::python;

namespace {

// Runs a cell and returns stdout + stderr.
std::string run(const std::string& src) {
  Interpreter py;
  std::string out;
  py.set_output([&out](OutputStream, std::string_view t) { out.append(t); });
  py.run_cell(src, "<cell 1>");
  return out;
}

}  // namespace

TEST_CASE("python int: 64-bit results; overflow raises OverflowError, never wraps") {
  CHECK(run("print(9223372036854775807, -9223372036854775808, (2**62 - 1) * 2 + 1)") ==
        "9223372036854775807 -9223372036854775808 9223372036854775807\n");
  for (const char* expr : {"2 ** 63", "9223372036854775807 + 1", "-(-9223372036854775807 - 1)",
                           "3037000500 * 3037000500", "1 << 63", "int('9' * 20)", "abs(-9223372036854775807 - 1)",
                           "(-9223372036854775807 - 1) // -1", "math.factorial(21)"}) {
    std::string out = run(std::string("import math\ntry:\n    ") + expr +
                          "\nexcept OverflowError as e:\n    print('OverflowError')\n");
    INFO(expr);
    CHECK(out == "OverflowError\n");
  }
  std::string tb = run("x = 2 ** 64\n");
  CHECK(tb.find("OverflowError: integer result too large: this runtime's int is 64-bit") != std::string::npos);
}

TEST_CASE("python float: repr is the shortest round trip, formats match CPython") {
  CHECK(float_repr(0.1) == "0.1");
  CHECK(float_repr(0.1 + 0.2) == "0.30000000000000004");
  CHECK(float_repr(1.0) == "1.0");
  CHECK(float_repr(-0.0) == "-0.0");
  CHECK(float_repr(1e16) == "1e+16");
  CHECK(float_repr(1234567890123456.0) == "1234567890123456.0");
  CHECK(float_repr(1e-5) == "1e-05");
  CHECK(float_repr(0.0001) == "0.0001");
  CHECK(float_repr(1.5e300) == "1.5e+300");
  CHECK(float_repr(5e-324) == "5e-324");
  CHECK(float_repr(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(float_repr(std::nan("")) == "nan");
  CHECK(format_double(0.125, 'f', 2, false) == "0.12");
  CHECK(format_double(2.5, 'f', 0, false) == "2");
  CHECK(format_double(1234.5, 0, 3, false) == "1.23e+03");
  CHECK(format_double(100.0, 0, 3, false) == "1e+02");
  CHECK(format_double(1.0, 0, 3, false) == "1.0");
  CHECK(format_double(0.5, '%', 1, false) == "50.0%");
  CHECK(format_double(123456789.0, 'g', -1, false) == "1.23457e+08");
}

TEST_CASE("python hashing: equal numbers hash equal, as in CPython") {
  CHECK(hash_int(-1) == -2);
  CHECK(hash_int(5) == 5);
  CHECK(hash_int(std::int64_t{1} << 61) == 1);
  CHECK(hash_float(1.0) == hash_int(1));
  CHECK(hash_float(-2.0) == hash_int(-2));
  CHECK(hash_float(0.5) == 1152921504606846976);
  CHECK(run("print(hash(1.5), hash(-2.5), hash((1, 2)), hash(()))") ==
        "1152921504606846977 -1152921504606846978 -3550055125485641917 5740354900026072187\n");
}

TEST_CASE("python str: repr quoting and escapes") {
  CHECK(str_repr("abc") == "'abc'");
  CHECK(str_repr("it's") == "\"it's\"");
  CHECK(str_repr("both ' \"") == "'both \\' \"'");
  CHECK(str_repr("a\nb\t\\") == "'a\\nb\\t\\\\'");
  CHECK(str_repr("\x01") == "'\\x01'");
  CHECK(str_repr("caf\xc3\xa9") == "'caf\xc3\xa9'");
  Str s(std::string("h\xc3\xa9llo"));
  CHECK(s.length() == 5);
  CHECK(s.char_at(1) == "\xc3\xa9");
  CHECK(s.byte_offset(2) == 3);
}

TEST_CASE("python dict and set: insertion order and CPython's set order") {
  CHECK(run("d = {}\nfor k in 'bca': d[k] = 1\ndel d['c']\nd['c'] = 2\nprint(d)") == "{'b': 1, 'a': 1, 'c': 2}\n");
  CHECK(run("print({5, 3, 1, 4, 2}, {100, 5, 37, 64, 8, 9}, set([31, 7, 63, 15]))") ==
        "{1, 2, 3, 4, 5} {64, 100, 5, 37, 8, 9} {15, 7, 63, 31}\n");
  CHECK(run("s = set(range(10))\ns.discard(3)\ns.add(33)\nprint(s)") == "{0, 1, 2, 33, 4, 5, 6, 7, 8, 9}\n");
}

TEST_CASE("python objects: freed as soon as the last reference goes") {
  // A __del__-free check through the C++ side: the list a dict holds is
  // released when the dict drops it.
  Interpreter py;
  Vm& vm = py.vm();
  Ref<List> l = make_list();
  Ref<Dict> d = make_dict();
  d->set_str("k", l.get());
  CHECK(l->refcount == 2);
  d->remove_str(intern("k"));
  CHECK(l->refcount == 1);
  (void)vm;
}
