#include "python/obj_module.hpp"

#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type module_type("module", &object_type);

Module::Module(std::string n) : Object(&module_type), name(std::move(n)), dict(new Dict()) {
  incref(dict);
  dict->set_str("__name__", make_str(name).get());
  dict->set_str("__doc__", none());
}

Module::~Module() { decref(dict); }

Ref<Module> make_module(std::string name) { return Ref<Module>(new Module(std::move(name))); }

void init_module_type() {
  type_dict(&module_type);
  module_type.subclassable = false;
  module_type.slots.repr = [](Vm&, Object* o) -> ObjRef {
    return make_str("<module '" + static_cast<Module*>(o)->name + "' (built-in)>");
  };
  module_type.slots.getattr = [](Vm& vm, Object* self, Str* name) -> ObjRef {
    auto* m = static_cast<Module*>(self);
    if (Object* v = m->dict->get_str(name)) return ObjRef(v);
    if (name->value == "__dict__") return ObjRef(m->dict);
    return generic_getattr(vm, self, name);
  };
}

}  // namespace lesson::python
