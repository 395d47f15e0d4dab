// Modules: a named namespace. Native modules (math, random, torch, ...) are
// registered with the interpreter as factories that fill a Module.
#pragma once

#include <string>

#include "python/object.hpp"

namespace lesson::python {

extern Type module_type;

class Module : public Object {
 public:
  explicit Module(std::string n);
  ~Module() override;
  Dict* instance_dict() override { return dict; }

  std::string name;
  Dict* dict;  // owned
};

Ref<Module> make_module(std::string name);

void init_module_type();

}  // namespace lesson::python
