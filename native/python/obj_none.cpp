#include "python/obj_none.hpp"

#include "python/obj_str.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"

namespace lesson::python {

Type none_type("NoneType", &object_type);
Type notimplemented_type("NotImplementedType", &object_type);
Type ellipsis_type("ellipsis", &object_type);

Object none_object(&none_type);
Object notimplemented_object(&notimplemented_type);
Object ellipsis_object(&ellipsis_type);

void init_none_types() {
  none_object.refcount = kImmortal;
  notimplemented_object.refcount = kImmortal;
  ellipsis_object.refcount = kImmortal;
  none_type.subclassable = false;
  notimplemented_type.subclassable = false;
  ellipsis_type.subclassable = false;
  type_dict(&none_type);
  type_dict(&notimplemented_type);
  type_dict(&ellipsis_type);
  none_type.slots.repr = [](Vm&, Object*) -> ObjRef { return make_str("None"); };
  none_type.slots.truth = [](Vm&, Object*) { return 0; };
  none_type.slots.hash = [](Vm&, Object*) -> std::int64_t { return 0x5f3759df; };
  notimplemented_type.slots.repr = [](Vm&, Object*) -> ObjRef { return make_str("NotImplemented"); };
  ellipsis_type.slots.repr = [](Vm&, Object*) -> ObjRef { return make_str("Ellipsis"); };
}

}  // namespace lesson::python
