// Helpers shared by the evaluator and the call machinery (not a public API).
#pragma once

#include <string>

#include "python/object.hpp"

namespace lesson::python {

class Frame;

// "Did you mean" for a NameError raised in frame f.
std::string suggest_name(Vm& vm, Frame* f, const std::string& name);
// {**m} and f(**m): merges mapping m into d; for calls (check_dups) a key
// given twice is a TypeError naming the callee.
void dict_merge_into(Vm& vm, Dict* d, Object* m, bool check_dups, Object* callee);
// ascii(): repr with non-ASCII characters escaped.
std::string ascii_of(const std::string& repr_text);
ObjRef import_from(Vm& vm, Object* module, Str* name);
void import_star(Vm& vm, Object* module, Dict* into);

}  // namespace lesson::python
