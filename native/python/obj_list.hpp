// list: a mutable sequence.
#pragma once

#include <vector>

#include "python/object.hpp"

namespace lesson::python {

extern Type list_type;

class List : public Object {
 public:
  explicit List(std::vector<ObjRef> v = {}, Type* t = &list_type) : Object(t), items(std::move(v)) {}
  ~List() override;
  Dict* instance_dict() override { return dict; }
  std::size_t size() const { return items.size(); }

  std::vector<ObjRef> items;
  Dict* dict = nullptr;  // only for instances of subclasses
};

Ref<List> make_list(std::vector<ObjRef> items = {});
inline bool is_list(const Object* o) { return isinstance(o, &list_type); }

// Sorts in place with Python's semantics (stable, key, reverse; __lt__ only).
void list_sort(Vm& vm, std::vector<ObjRef>& items, Object* key, bool reverse);

void init_list_type();

}  // namespace lesson::python
