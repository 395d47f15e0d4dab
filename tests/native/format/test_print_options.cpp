#include <doctest/doctest.h>

#include "format/print_options.hpp"

using lesson::format::kThresholdInfinite;
using lesson::format::PrintOptions;
using lesson::format::PrintOptionsUpdate;
using lesson::format::set_print_options;

namespace {

PrintOptionsUpdate profile(const char* name) {
  PrintOptionsUpdate u;
  u.profile = name;
  return u;
}

}  // namespace

TEST_CASE("PrintOptions defaults are torch._tensor_str.PRINT_OPTS") {
  const PrintOptions o;
  CHECK(o.precision == 4);
  CHECK(o.threshold == 1000);
  CHECK(o.edgeitems == 3);
  CHECK(o.linewidth == 80);
  CHECK_FALSE(o.sci_mode.has_value());
}

TEST_CASE("set_print_options applies profiles, then options, and always assigns sci_mode") {
  PrintOptions o;
  set_print_options(profile("short"), o);
  CHECK(o.precision == 2);
  CHECK(o.edgeitems == 2);
  CHECK(o.threshold == 1000);

  set_print_options(profile("full"), o);
  CHECK(o.precision == 4);
  CHECK(o.edgeitems == 3);
  CHECK(o.threshold == kThresholdInfinite);

  PrintOptionsUpdate u = profile("short");
  u.precision = 6;  // explicit options win over the profile
  u.sci_mode = true;
  set_print_options(u, o);
  CHECK(o.precision == 6);
  CHECK(o.edgeitems == 2);
  CHECK(o.sci_mode == true);

  PrintOptionsUpdate only_linewidth;
  only_linewidth.linewidth = 120;
  set_print_options(only_linewidth, o);  // sci_mode=None resets, as in PyTorch
  CHECK(o.linewidth == 120);
  CHECK(o.precision == 6);
  CHECK_FALSE(o.sci_mode.has_value());

  set_print_options(profile("no such profile"), o);  // PyTorch ignores it too
  CHECK(o.precision == 6);
  CHECK(o.linewidth == 120);

  set_print_options(profile("default"), o);
  CHECK(o.precision == 4);
  CHECK(o.threshold == 1000);
  CHECK(o.edgeitems == 3);
  CHECK(o.linewidth == 80);
}

TEST_CASE("print_options is one process-wide object that set_print_options changes by default") {
  PrintOptions& global = lesson::format::print_options();
  const PrintOptions saved = global;
  CHECK(&global == &lesson::format::print_options());
  PrintOptionsUpdate u;
  u.precision = 7;
  set_print_options(u);
  CHECK(lesson::format::print_options().precision == 7);
  global = saved;
}
