// set and frozenset: CPython's open-addressing table (linear probes, then
// perturbed probing), so iteration order — and therefore printed output —
// matches CPython for ints, floats and tuples of them.
#pragma once

#include <cstdint>
#include <vector>

#include "python/object.hpp"

namespace lesson::python {

extern Type set_type;
extern Type frozenset_type;

class Set : public Object {
 public:
  struct Slot {
    std::int64_t hash = 0;
    ObjRef key;           // empty: unused (hash 0) or deleted (hash -1)
    bool dummy = false;
  };
  explicit Set(Type* t = &set_type);

  std::size_t size() const { return used_; }
  bool contains(Vm& vm, Object* key) const;
  bool add(Vm& vm, Object* key);      // true if added
  bool discard(Vm& vm, Object* key);  // true if removed
  void clear();
  // Adds every element of another set with CPython's bulk-merge sizing.
  void merge(Vm& vm, const Set& other);
  // Pre-sizes before adding n elements from a dict (set(dict)).
  void reserve_for_merge(std::size_t n);
  void add_all(Vm& vm, Object* iterable);

  std::size_t slot_count() const { return table_.size(); }
  const Slot& slot(std::size_t i) const { return table_[i]; }
  std::uint64_t version() const { return version_; }

 private:
  std::int64_t lookup(Vm& vm, Object* key, std::int64_t hash) const;  // slot or -1
  void insert_clean(std::vector<Slot>& table, Object* key, std::int64_t hash);
  void resize(std::size_t minused);
  bool add_hashed(Vm& vm, Object* key, std::int64_t hash);

  std::vector<Slot> table_;
  std::size_t fill_ = 0;
  std::size_t used_ = 0;
  std::uint64_t version_ = 0;
};

Ref<Set> make_set(Type* t = &set_type);
inline bool is_set(const Object* o) { return o->type() == &set_type || o->type() == &frozenset_type; }

void init_set_type();

}  // namespace lesson::python
