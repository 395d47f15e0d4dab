// The builtins module: print, len, range, sorted, ... and the exception
// classes, installed into a session's builtins dictionary.
#pragma once

#include <string>
#include <vector>

#include "python/object.hpp"

namespace lesson::python {

void install_builtins(Vm& vm, Dict* builtins);
// dir(o), sorted.
std::vector<std::string> dir_names(Vm& vm, Object* o);
ObjRef builtin_dir_of(Vm& vm, Object* o);
// __build_class__ (vm_call.cpp).
ObjRef build_class(Vm& vm, const Args& args);

}  // namespace lesson::python
