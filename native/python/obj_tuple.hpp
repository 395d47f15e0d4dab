// tuple: an immutable sequence.
#pragma once

#include <initializer_list>
#include <vector>

#include "python/object.hpp"

namespace lesson::python {

extern Type tuple_type;

class Tuple : public Object {
 public:
  explicit Tuple(std::vector<ObjRef> v, Type* t = &tuple_type) : Object(t), items(std::move(v)) {}
  ~Tuple() override {
    while (!items.empty()) items.pop_back();  // last to first, as CPython
    if (attrs) release_attrs();
  }
  Dict* instance_dict() override { return attrs; }
  std::size_t size() const { return items.size(); }
  Object* operator[](std::size_t i) const { return items[i].get(); }

  std::vector<ObjRef> items;
  // Attribute dictionary of instances of subclasses without __slots__.
  Dict* attrs = nullptr;

 private:
  void release_attrs();
};

Ref<Tuple> make_tuple(std::vector<ObjRef> items);
Ref<Tuple> make_tuple(std::initializer_list<Object*> items);
Tuple* empty_tuple();
inline bool is_tuple(const Object* o) { return isinstance(o, &tuple_type); }

std::int64_t hash_tuple(Vm& vm, const Tuple* t);

void init_tuple_type();

}  // namespace lesson::python
