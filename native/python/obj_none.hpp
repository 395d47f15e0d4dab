// The singletons None, NotImplemented and Ellipsis.
#pragma once

#include "python/object.hpp"

namespace lesson::python {

extern Type none_type;
extern Type notimplemented_type;
extern Type ellipsis_type;

extern Object none_object;
extern Object notimplemented_object;
extern Object ellipsis_object;

inline Object* none() { return &none_object; }
inline Object* not_implemented() { return &notimplemented_object; }
inline Object* ellipsis() { return &ellipsis_object; }
inline bool is_none(const Object* o) { return o == &none_object; }

void init_none_types();

}  // namespace lesson::python
